package dev.scripttracker.internal.jdbc;

import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A dry run's connection as the script's code sees it (through JDBI, {@code ctx.connection()} or, with
 * the agent, the application's own pool): every statement it makes reports its row counts. What the
 * code reaches through {@code unwrap} (a driver's COPY, for instance) is the driver's own, and not counted.
 */
final class CountingConnection extends JdbcWrapper {

    private final StatementCounter counter;

    private CountingConnection(Connection connection, StatementCounter counter) {
        super(connection);
        this.counter = counter;
    }

    static Connection wrap(Connection connection, StatementCounter counter) {
        return proxy(Connection.class, connection, new CountingConnection(connection, counter));
    }

    @Override
    Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "createStatement":
                return CountingStatement.wrap((Statement) call(method, args), Statement.class, (Connection) proxy,
                        null, counter);
            case "prepareStatement":
                return CountingStatement.wrap((PreparedStatement) call(method, args), PreparedStatement.class,
                        (Connection) proxy, (String) args[0], counter);
            case "prepareCall":
                return CountingStatement.wrap((CallableStatement) call(method, args), CallableStatement.class,
                        (Connection) proxy, (String) args[0], counter);
            default:
                return call(method, args);
        }
    }
}
