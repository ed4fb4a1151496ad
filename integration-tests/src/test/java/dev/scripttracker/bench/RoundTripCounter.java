package dev.scripttracker.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Wraps a data source and counts the JDBC calls that go to the server and wait for its answer:
 * statement executions, commits and rollbacks. (Driver calls such as {@code setAutoCommit(false)}
 * that PostgreSQL's driver defers to the next statement are not round trips and are not counted, nor
 * is a commit or rollback that PostgreSQL's driver does not send because no transaction is open,
 * e.g. after a statement that ended with {@code commit}.)
 */
final class RoundTripCounter {

    /**
     * Hears each round trip with how long it waited.
     *
     * @param what the statement's SQL, {@code "commit"} or {@code "rollback"}; null when the SQL is unknown
     */
    interface Listener {
        void roundTrip(String what, long nanos);
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");
    private final AtomicLong trips = new AtomicLong();
    private final Listener listener;

    RoundTripCounter() {
        this((what, nanos) -> { });
    }

    RoundTripCounter(Listener listener) {
        this.listener = listener;
    }

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
            String name = method.getName();
            if ((name.equals("commit") || name.equals("rollback")) && !nothingToEnd(target)) {
                return timed(name, target, method, args);
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement s) {
                String sql = name.startsWith("prepare") && args != null && args[0] instanceof String text ? text : null;
                return statement(s, method.getReturnType(), sql);
            }
            return result;
        });
    }

    /** PostgreSQL's driver sends no commit or rollback when the server said no transaction is open. */
    private static boolean nothingToEnd(Connection connection) throws SQLException {
        return connection.isWrapperFor(BaseConnection.class)
                && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    }

    private Object statement(Statement target, Class<?> type, String preparedSql) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                return timed(sql, target, method, args);
            }
            return invoke(target, method, args);
        });
    }

    private Object timed(String what, Object target, Method method, Object[] args) throws Throwable {
        long start = System.nanoTime();
        try {
            return invoke(target, method, args);
        } finally {
            trips.incrementAndGet();
            listener.roundTrip(what, System.nanoTime() - start);
        }
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(RoundTripCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
