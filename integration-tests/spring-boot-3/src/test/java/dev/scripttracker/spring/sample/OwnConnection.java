package dev.scripttracker.spring.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a connection of its own (not the script's, not the pool's) sees: only what has committed. */
public final class OwnConnection {

    private OwnConnection() {
    }

    /** The first column of the first row, as text; null when there is no row. */
    public static String firstValue(String url, String sql) {
        try (Connection own = DriverManager.getConnection(url); Statement s = own.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
