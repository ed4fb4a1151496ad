package dev.scripttracker.test;

import dev.scripttracker.test.internal.RowKey;
import dev.scripttracker.test.internal.TableSnapshot;
import dev.scripttracker.test.internal.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * How one table's rows differ between two moments. Rows are matched by primary key; in a table without
 * one, a changed row counts as one row deleted and one inserted.
 */
public final class TableChanges {

    private static final int ROWS_SHOWN = 10;

    private final String table;
    private final List<Map<String, Object>> inserted;
    private final List<Map<String, Object>> deleted;
    private final List<RowUpdate> updated;

    private TableChanges(String table, List<Map<String, Object>> inserted, List<Map<String, Object>> deleted,
            List<RowUpdate> updated) {
        this.table = table;
        this.inserted = Collections.unmodifiableList(inserted);
        this.deleted = Collections.unmodifiableList(deleted);
        this.updated = Collections.unmodifiableList(updated);
    }

    /** @param before null when the table did not exist; {@code after} likewise */
    static TableChanges between(String table, TableSnapshot before, TableSnapshot after) {
        Map<RowKey, Map<String, Object>> was = before == null ? Map.of() : before.byKey();
        Map<RowKey, Map<String, Object>> is = after == null ? Map.of() : after.byKey();
        List<Map<String, Object>> inserted = new ArrayList<>();
        List<Map<String, Object>> deleted = new ArrayList<>();
        List<RowUpdate> updated = new ArrayList<>();
        was.forEach((key, row) -> {
            Map<String, Object> now = is.get(key);
            if (now == null) {
                deleted.add(row);
            } else {
                List<ColumnChange> columns = changedColumns(row, now);
                if (!columns.isEmpty()) {
                    updated.add(new RowUpdate(key.toString(), columns));
                }
            }
        });
        is.forEach((key, row) -> {
            if (!was.containsKey(key)) {
                inserted.add(row);
            }
        });
        return new TableChanges(table, inserted, deleted, updated);
    }

    /** These changes without those of {@code columns} (lower case); an update left with no column is dropped. */
    TableChanges withoutColumns(Set<String> columns) {
        List<RowUpdate> kept = new ArrayList<>();
        for (RowUpdate update : updated) {
            List<ColumnChange> left = update.columns().stream().filter(c -> !columns.contains(c.column())).toList();
            if (!left.isEmpty()) {
                kept.add(new RowUpdate(update.key(), left));
            }
        }
        return new TableChanges(table, inserted, deleted, kept);
    }

    private static List<ColumnChange> changedColumns(Map<String, Object> before, Map<String, Object> after) {
        Set<String> columns = new TreeSet<>(before.keySet());
        columns.addAll(after.keySet());
        List<ColumnChange> changes = new ArrayList<>();
        for (String column : columns) {
            if (!Values.same(before.get(column), after.get(column))) {
                changes.add(new ColumnChange(column, before.get(column), after.get(column)));
            }
        }
        return changes;
    }

    /** The table's name in lower case. */
    public String table() {
        return table;
    }

    public List<Map<String, Object>> inserted() {
        return inserted;
    }

    public List<Map<String, Object>> deleted() {
        return deleted;
    }

    public List<RowUpdate> updated() {
        return updated;
    }

    /** Rows inserted, updated and deleted. */
    public int rowsChanged() {
        return inserted.size() + updated.size() + deleted.size();
    }

    public boolean isEmpty() {
        return rowsChanged() == 0;
    }

    /** What changed, a line per row (the first ten of each kind), for failure messages. */
    public String describe() {
        StringJoiner text = new StringJoiner("\n");
        text.add("table " + table + ": " + updated.size() + " updated, " + inserted.size() + " inserted, "
                + deleted.size() + " deleted");
        list(text, "updated ", updated.stream().map(RowUpdate::toString).toList());
        list(text, "inserted ", inserted.stream().map(TableChanges::show).toList());
        list(text, "deleted ", deleted.stream().map(TableChanges::show).toList());
        return text.toString();
    }

    private static void list(StringJoiner text, String what, List<String> rows) {
        rows.stream().limit(ROWS_SHOWN).forEach(row -> text.add("  " + what + row));
        if (rows.size() > ROWS_SHOWN) {
            text.add("  ... and " + (rows.size() - ROWS_SHOWN) + " more " + what.trim());
        }
    }

    private static String show(Map<String, Object> row) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        row.forEach((column, value) -> joiner.add(column + "=" + Values.show(value)));
        return joiner.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
