package dev.scripttracker.internal.jdbc;

import java.sql.Connection;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Cleanable;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Opens JDBI handles over a connection someone else owns (an attempt's work session): closing such
 * a handle leaves the connection open. One Jdbi serves every attempt, so its caches of parsed
 * statements are kept from run to run (a Jdbi per attempt parsed every statement anew, which cost
 * more than a round trip).
 */
public final class ConnectionLender implements ConnectionFactory {

    private final ThreadLocal<Connection> lending = new ThreadLocal<>();
    private final Jdbi jdbi;

    public ConnectionLender(SqlStatements statements) {
        this.jdbi = StatementMessages.withoutArguments(Jdbi.create(this));
        jdbi.getConfig(SqlStatements.class).setSqlParser(statements.getSqlParser())
                .setTemplateEngine(statements.getTemplateEngine());
    }

    public Handle handleOver(Connection connection) {
        lending.set(connection);
        try {
            return jdbi.open();
        } finally {
            lending.remove();
        }
    }

    /** A handle for a script's code: closing its connection (try-with-resources) leaves the connection open. */
    public Handle handleOverToScript(Connection connection) {
        return handleOver(LentConnection.closeIgnoring(connection));
    }

    @Override
    public Connection openConnection() {
        Connection connection = lending.get();
        if (connection == null) {
            throw new IllegalStateException("a lent handle is opened only through handleOver(connection)");
        }
        return connection;
    }

    @Override
    public void closeConnection(Connection lent) {
        // its owner closes it
    }

    @Override
    public Cleanable getCleanableFor(Connection lent) {
        return () -> { };
    }
}
