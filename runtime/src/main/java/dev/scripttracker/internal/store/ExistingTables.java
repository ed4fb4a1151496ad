package dev.scripttracker.internal.store;

import dev.scripttracker.ScriptTrackerException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The store's tables that exist already, with their columns, read from the JDBC metadata of the
 * schema the tables resolve to: the prefix's own ({@code ops.scripts}) or the connection's current one.
 */
final class ExistingTables {

    private final Map<String, Set<String>> columnsByTable;

    private ExistingTables(Map<String, Set<String>> columnsByTable) {
        this.columnsByTable = columnsByTable;
    }

    static ExistingTables of(Handle handle, TableNames tables) {
        try {
            Connection connection = handle.getConnection();
            DatabaseMetaData metaData = connection.getMetaData();
            Map<String, Set<String>> found = new LinkedHashMap<>();
            for (String table : tables.all()) {
                Set<String> columns = columnsOf(connection, metaData, table);
                if (!columns.isEmpty()) {
                    found.put(table, columns);
                }
            }
            return new ExistingTables(found);
        } catch (SQLException e) {
            throw new ScriptTrackerException("could not read which of the tables " + tables.state() + "* exist: "
                    + e.getMessage(), e);
        }
    }

    boolean none() {
        return columnsByTable.isEmpty();
    }

    boolean has(String table) {
        return columnsByTable.containsKey(table);
    }

    /** The table's columns in lower case; empty when the table does not exist. */
    Optional<Set<String>> columnsOf(String table) {
        return Optional.ofNullable(columnsByTable.get(table));
    }

    private static Set<String> columnsOf(Connection connection, DatabaseMetaData metaData, String qualifiedName)
            throws SQLException {
        int dot = qualifiedName.indexOf('.');
        String schema = dot < 0 ? currentSchema(connection) : qualifiedName.substring(0, dot);
        String table = qualifiedName.substring(dot + 1);
        Set<String> columns = new TreeSet<>();
        // MySQL and MariaDB call a database a catalog; the others have schemas.
        boolean schemaIsCatalog = !metaData.supportsSchemasInTableDefinitions();
        String pattern = asStored(metaData, table);
        try (ResultSet rows = schemaIsCatalog ? metaData.getColumns(schema, null, pattern, "%")
                : metaData.getColumns(null, schema == null ? null : asStored(metaData, schema), pattern, "%")) {
            while (rows.next()) {
                if (table.equalsIgnoreCase(rows.getString("TABLE_NAME")) && (schema == null
                        || schema.equalsIgnoreCase(rows.getString("TABLE_SCHEM"))
                        || schema.equalsIgnoreCase(rows.getString("TABLE_CAT")))) {
                    columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    private static String currentSchema(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        return schema != null ? schema : connection.getCatalog();
    }

    /** Unquoted names are folded by the database: H2 to upper case, PostgreSQL to lower case. */
    private static String asStored(DatabaseMetaData metaData, String name) throws SQLException {
        if (metaData.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        return metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }
}
