package dev.scripttracker.internal.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;

/**
 * The work connection as a script's code holds it ({@code ctx.connection()}, {@code ctx.handle().getConnection()}):
 * {@code close()} does nothing. The connection holds the script's lock and its transaction until the
 * run ends, and closing it would hand it back to the pool while still in use (or end the session
 * and, with it, the script's transaction). Closing is ignored rather than refused because
 * try-with-resources on a connection is how JDBC code is written, and the agent's bound connections
 * ignore it too. {@code isClosed()} tells the truth about the connection underneath.
 */
final class LentConnection extends JdbcWrapper {

    private LentConnection(Connection connection) {
        super(connection);
    }

    static Connection closeIgnoring(Connection connection) {
        return proxy(Connection.class, connection, new LentConnection(connection));
    }

    @Override
    Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null;
        }
        return call(method, args);
    }
}
