package dev.scripttracker.test.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * Puts the test's tables back as a snapshot found them, in one transaction with foreign-key checks off:
 * every table is emptied (tables created since are emptied too, not dropped) and the snapshot's rows
 * inserted again, their generated keys included. Sequences are not reset.
 */
public final class SnapshotRestore {

    private SnapshotRestore() {
    }

    public static void restore(IsolatedDatabase database, DatabaseSnapshot snapshot, Predicate<String> trackerTable) {
        Vendor vendor = database.vendor();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, vendor.referencesOff());
            try {
                for (String table : DatabaseSnapshot.tableNames(connection, database, trackerTable)) {
                    execute(connection, "delete from " + DatabaseSnapshot.quoted(connection, table));
                }
                for (TableSnapshot table : snapshot.tables().values()) {
                    insert(connection, table);
                }
                connection.commit();
            } finally {
                connection.rollback();
                execute(connection, vendor.referencesOn());
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the test kit could not restore the test's tables in " + database
                    + " to their start data for the clean run: " + e.getMessage()
                    + (vendor == Vendor.POSTGRESQL ? " (restoring turns foreign keys off with session_replication_role,"
                    + " which needs a superuser or a role with that privilege)" : ""), e);
        }
    }

    private static void insert(Connection connection, TableSnapshot table) throws SQLException {
        if (table.rows().isEmpty()) {
            return;
        }
        List<String> columns = table.columns();
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (String column : table.storedColumns()) {
            names.add(DatabaseSnapshot.quoted(connection, column));
            marks.add("?");
        }
        String sql = "insert into " + DatabaseSnapshot.quoted(connection, table.name()) + " (" + names + ") values ("
                + marks + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Map<String, Object> row : table.rows()) {
                for (int i = 0; i < columns.size(); i++) {
                    insert.setObject(i + 1, row.get(columns.get(i)));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
