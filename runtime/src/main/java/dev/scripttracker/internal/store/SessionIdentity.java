package dev.scripttracker.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a connection is connected to, as the server tells it: server, database, user and schema. Two
 * connections with the same identity see the same tables with the same rights, whatever their URLs
 * look like ({@code ?user=} or a property, {@code localhost} or {@code 127.0.0.1}, parameters in
 * another order), so work on one can be moved to the other.
 */
public final class SessionIdentity {

    private SessionIdentity() {
    }

    public static String of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        Dialect dialect = Dialects.forProductName(product, "a connection to " + product);
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(dialect.sessionIdentityQuery())) {
            row.next();
            StringBuilder identity = new StringBuilder(dialect.name());
            for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                identity.append('|').append(row.getString(column));
            }
            return identity.toString();
        }
    }
}
