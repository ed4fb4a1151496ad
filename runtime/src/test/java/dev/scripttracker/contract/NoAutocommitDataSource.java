package dev.scripttracker.contract;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/** Hands out connections with autocommit off, as a pool configured with autoCommit=false does. */
final class NoAutocommitDataSource {

    private NoAutocommitDataSource() {
    }

    static DataSource wrapping(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(target, args);
                    if (result instanceof Connection connection) {
                        connection.setAutoCommit(false);
                    }
                    return result;
                });
    }
}
