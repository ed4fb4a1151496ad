package dev.scripttracker.test.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of one table at one moment, by row key: the primary key's values, or, for a table without
 * one, the whole row and how many identical rows came before it.
 *
 * @param name the table's name as the database stores it
 * @param columns the column names, in lower case, in table order
 * @param storedColumns the same names as the database stores them
 * @param keyColumns the primary key's columns in lower case; empty when the table has none
 * @param rows each row's values by lower-case column name
 */
public record TableSnapshot(String name, List<String> columns, List<String> storedColumns, List<String> keyColumns,
        List<Map<String, Object>> rows) {

    public TableSnapshot {
        columns = List.copyOf(columns);
        storedColumns = List.copyOf(storedColumns);
        keyColumns = List.copyOf(keyColumns);
        rows = List.copyOf(rows);
    }

    /** The rows by their key, in the order they were read. */
    public Map<RowKey, Map<String, Object>> byKey() {
        Map<RowKey, Map<String, Object>> byKey = new LinkedHashMap<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        for (Map<String, Object> row : rows) {
            List<String> identifying = keyColumns.isEmpty() ? columns : keyColumns;
            List<Object> values = new ArrayList<>();
            identifying.forEach(column -> values.add(Values.comparable(row.get(column))));
            int occurrence = keyColumns.isEmpty() ? seen.merge(values, 1, Integer::sum) : 1;
            byKey.put(new RowKey(identifying, values, occurrence, row), row);
        }
        return byKey;
    }
}
