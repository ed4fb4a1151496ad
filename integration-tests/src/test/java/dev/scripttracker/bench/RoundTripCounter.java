package dev.scripttracker.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts the JDBC calls that go to the server and wait for its answer:
 * statement executions, commits and rollbacks. (Driver calls such as {@code setAutoCommit(false)}
 * that PostgreSQL's driver defers to the next statement are not round trips and are not counted.)
 */
final class RoundTripCounter {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");
    private final AtomicLong trips = new AtomicLong();

    long trips() {
        return trips.get();
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (proxy, method, args) -> {
            if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                trips.incrementAndGet();
            }
            Object result = invoke(target, method, args);
            return result instanceof Statement s ? statement(s, method.getReturnType()) : result;
        });
    }

    private Object statement(Statement target, Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                trips.incrementAndGet();
            }
            return invoke(target, method, args);
        });
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(RoundTripCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
