package dev.scripttracker.test.internal;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import javax.sql.DataSource;

/** A {@link DataSource} whose connections come from one function; the rest of the interface has nothing to set. */
final class KitDataSource {

    interface Connector {
        Connection connect() throws SQLException;
    }

    private KitDataSource() {
    }

    static DataSource of(Connector connector, String description) {
        return (DataSource) Proxy.newProxyInstance(KitDataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> {
                        if (args != null) {
                            throw new SQLFeatureNotSupportedException("the test database's user is set by "
                                    + IsolatedDatabase.USER_PROPERTY + ", not by the caller");
                        }
                        yield connector.connect();
                    }
                    case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy);
                    case "unwrap" -> {
                        if (!((Class<?>) args[0]).isInstance(proxy)) {
                            throw new SQLException("not a wrapper of " + ((Class<?>) args[0]).getName());
                        }
                        yield proxy;
                    }
                    case "getLoginTimeout" -> 0;
                    case "getParentLogger" -> throw new SQLFeatureNotSupportedException("no parent logger");
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> description;
                    default -> null; // setLogWriter, setLoginTimeout: nothing to set; getLogWriter: none
                });
    }
}
