package dev.scripttracker.test;

import dev.scripttracker.test.internal.DatabaseSnapshot;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How the test's tables differ between two snapshots (the tracker's own tables left out): per table, the
 * rows inserted, updated (with each column's before and after) and deleted.
 */
public final class DataChanges {

    private final Map<String, TableChanges> byTable;

    private DataChanges(Map<String, TableChanges> byTable) {
        this.byTable = Collections.unmodifiableMap(byTable);
    }

    static DataChanges between(DatabaseSnapshot before, DatabaseSnapshot after) {
        Set<String> tables = new TreeSet<>(before.tables().keySet());
        tables.addAll(after.tables().keySet());
        Map<String, TableChanges> byTable = new TreeMap<>();
        for (String table : tables) {
            TableChanges changes = TableChanges.between(table, before.tables().get(table), after.tables().get(table));
            if (!changes.isEmpty()) {
                byTable.put(table, changes);
            }
        }
        return new DataChanges(byTable);
    }

    /**
     * These changes without the updates of the given columns, each {@code table.column} in lower case: what a
     * comparison leaves out (a timestamp the script sets, say). Rows inserted and deleted stay.
     */
    DataChanges ignoring(Set<String> tableColumns) {
        if (tableColumns.isEmpty()) {
            return this;
        }
        Map<String, TableChanges> kept = new TreeMap<>();
        byTable.forEach((table, changes) -> {
            Set<String> columns = tableColumns.stream().filter(c -> c.startsWith(table + "."))
                    .map(c -> c.substring(table.length() + 1)).collect(Collectors.toSet());
            TableChanges left = changes.withoutColumns(columns);
            if (!left.isEmpty()) {
                kept.put(table, left);
            }
        });
        return new DataChanges(kept);
    }

    /** The tables with changes, by lower-case name. */
    public Map<String, TableChanges> byTable() {
        return byTable;
    }

    /** The changes of one table (case-insensitive name); empty changes when it has none. */
    public TableChanges table(String name) {
        String table = name.toLowerCase(Locale.ROOT);
        TableChanges changes = byTable.get(table);
        return changes != null ? changes : TableChanges.between(table, null, null);
    }

    public boolean isEmpty() {
        return byTable.isEmpty();
    }

    /** Rows inserted, updated and deleted, in all tables. */
    public int rowsChanged() {
        return byTable.values().stream().mapToInt(TableChanges::rowsChanged).sum();
    }

    /** "1 row", "3 rows". */
    static String rows(int count) {
        return count + (count == 1 ? " row" : " rows");
    }

    public String describe() {
        return byTable.isEmpty() ? "no row changed"
                : byTable.values().stream().map(TableChanges::describe).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return describe();
    }
}
