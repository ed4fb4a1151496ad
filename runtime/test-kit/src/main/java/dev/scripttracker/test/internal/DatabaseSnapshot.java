package dev.scripttracker.test.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Every row of every table of the test's schema, except the tracker's own tables. */
public final class DatabaseSnapshot {

    private final Map<String, TableSnapshot> tables;

    private DatabaseSnapshot(Map<String, TableSnapshot> tables) {
        this.tables = Collections.unmodifiableMap(tables);
    }

    /** The tables by lower-case name. */
    public Map<String, TableSnapshot> tables() {
        return tables;
    }

    /**
     * @param trackerTable true for the tables the kit leaves out: the tracker's own
     */
    public static DatabaseSnapshot take(IsolatedDatabase database, Predicate<String> trackerTable) {
        try (Connection connection = database.getConnection()) {
            Map<String, TableSnapshot> tables = new TreeMap<>();
            for (String table : tableNames(connection, database, trackerTable)) {
                tables.put(table.toLowerCase(Locale.ROOT), read(connection, database, table));
            }
            return new DatabaseSnapshot(tables);
        } catch (SQLException e) {
            throw new IllegalStateException("the test kit could not read the test's tables in " + database + ": "
                    + e.getMessage(), e);
        }
    }

    static List<String> tableNames(Connection connection, IsolatedDatabase database, Predicate<String> excluded)
            throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        boolean catalog = database.vendor().schemaIsCatalog();
        List<String> names = new ArrayList<>();
        try (ResultSet rows = metaData.getTables(catalog ? database.schema() : null, catalog ? null : database.schema(),
                "%", null)) {
            while (rows.next()) {
                String type = String.valueOf(rows.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                String name = rows.getString("TABLE_NAME");
                if ((type.equals("TABLE") || type.equals("BASE TABLE"))
                        && !excluded.test(name.toLowerCase(Locale.ROOT))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static TableSnapshot read(Connection connection, IsolatedDatabase database, String table)
            throws SQLException {
        List<String> keyColumns = primaryKey(connection, database, table);
        List<String> columns = new ArrayList<>();
        List<String> storedColumns = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select * from " + quoted(connection, table))) {
            ResultSetMetaData metaData = result.getMetaData();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                storedColumns.add(metaData.getColumnName(i));
                columns.add(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.put(columns.get(i - 1), Values.materialized(result.getObject(i)));
                }
                rows.add(row);
            }
        }
        return new TableSnapshot(table, columns, storedColumns, keyColumns, rows);
    }

    private static List<String> primaryKey(Connection connection, IsolatedDatabase database, String table)
            throws SQLException {
        boolean catalog = database.vendor().schemaIsCatalog();
        Map<Short, String> bySequence = new TreeMap<>();
        try (ResultSet keys = connection.getMetaData().getPrimaryKeys(catalog ? database.schema() : null,
                catalog ? null : database.schema(), table)) {
            while (keys.next()) {
                bySequence.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(bySequence.values());
    }

    static String quoted(Connection connection, String name) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString().trim();
        return quote + name.replace(quote, quote + quote) + quote;
    }
}
