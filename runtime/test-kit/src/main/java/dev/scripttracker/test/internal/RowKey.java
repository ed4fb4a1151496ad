package dev.scripttracker.test.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/** Which row of a table: its primary key's values, or, without one, all its values and an occurrence count. */
public final class RowKey {

    private final List<String> columns;
    private final List<Object> values;
    private final int occurrence;
    private final Map<String, Object> shown;

    RowKey(List<String> columns, List<Object> values, int occurrence, Map<String, Object> row) {
        this.columns = columns;
        this.values = values;
        this.occurrence = occurrence;
        this.shown = row;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowKey key && key.values.equals(values) && key.occurrence == occurrence
                && key.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, values, occurrence);
    }

    /** {@code id=3}, or {@code (id=3, region='eu')}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", columns.size() == 1 ? "" : "(", columns.size() == 1 ? "" : ")");
        columns.forEach(column -> joiner.add(column + "=" + Values.show(shown.get(column))));
        return joiner + (occurrence > 1 ? " #" + occurrence : "");
    }
}
