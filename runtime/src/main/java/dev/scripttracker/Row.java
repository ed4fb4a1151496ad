package dev.scripttracker;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a batch query or a CSV file: its values by column label (case-insensitive) or
 * position (0-based).
 */
public final class Row {

    private final List<String> columns;
    private final Object[] values;
    private final int keyColumn;

    /**
     * @param keyColumn the position of the column {@link #key()} returns
     */
    public Row(List<String> columns, Object[] values, int keyColumn) {
        if (columns.size() != values.length) {
            throw new IllegalArgumentException(columns.size() + " columns but " + values.length + " values");
        }
        this.columns = List.copyOf(columns);
        this.values = values.clone();
        this.keyColumn = keyColumn;
    }

    public List<String> columns() {
        return columns;
    }

    public Object get(int position) {
        return values[position];
    }

    /**
     * @throws IllegalArgumentException naming the columns there are, when there is no such column
     */
    public Object get(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("no column '" + column + "' in this row; its columns are " + columns);
    }

    public String getString(String column) {
        Object value = get(column);
        return value == null ? null : value.toString();
    }

    /** The value of a numeric column as a long; text is parsed (CSV). */
    public long getLong(String column) {
        Object value = get(column);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value == null) {
            throw new IllegalArgumentException("column '" + column + "' is null in this row");
        }
        return Long.parseLong(value.toString().trim());
    }

    /** The key column's value: a query's first {@code order by} column, a CSV file's first column. */
    public Object key() {
        return values[keyColumn];
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && columns.equals(row.columns) && Arrays.equals(values, row.values);
    }

    @Override
    public int hashCode() {
        return 31 * columns.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
