package dev.scripttracker.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts its {@code getConnection} calls. Around a non-pooling data source
 * ({@code PGSimpleDataSource}, {@code MariaDbDataSource}) each call is a physical connection opened;
 * given to HikariCP as its {@code dataSource}, it counts the physical connections the pool opens;
 * around the pool itself, the connections borrowed from it.
 */
final class ConnectionCounter {

    private final AtomicLong opened = new AtomicLong();

    long count() {
        return opened.get();
    }

    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(ConnectionCounter.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        opened.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
