package dev.scripttracker.internal.batch;

import dev.scripttracker.Row;
import dev.scripttracker.internal.batch.KeysetQuery.KeyColumn;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Pages through a query by its {@code order by} key: each page starts after the last key seen. */
public final class KeysetSource implements SplittableSource<Row> {

    private static final String ALIAS = "st_batch";

    private final String query;
    private final KeysetQuery keyset;
    private final boolean rowValues;
    private final Map<String, Object> bindings = new LinkedHashMap<>();
    private List<Object> lastKey;
    /** The last key of this source's range, inclusive; null: no end. */
    private List<Object> endKey;

    /**
     * @param rowValues compare keys as {@code (a, b) > (?, ?)}; otherwise column by column
     * @throws IllegalArgumentException when the query cannot be paged by its key
     */
    public KeysetSource(String query, boolean rowValues) {
        this.query = query;
        this.keyset = KeysetQuery.parse(query);
        this.rowValues = rowValues;
    }

    @Override
    public String describe() {
        return "batch query \"" + query.strip() + "\"";
    }

    @Override
    public String identity() {
        return "query:" + query.strip() + " bindings:" + new java.util.TreeMap<>(bindings);
    }

    @Override
    public void bind(String name, Object value) {
        bindings.put(name, value);
    }

    /** Checks, without reading a row, that the query selects its key columns. */
    @Override
    public void validate(Handle handle) {
        handle.createQuery("select * from (" + keyset.body() + ") " + ALIAS + " where 1 = 0").bindMap(bindings)
                .scanResultSet((supplier, ctx) -> {
                    try (ResultSet rs = supplier.get()) {
                        return keyPositions(labels(rs.getMetaData()));
                    }
                });
    }

    @Override
    public void resumeAfter(String position) {
        lastKey = position.isEmpty() ? null : KeyValues.decode(position);
    }

    /**
     * Reads one row more than the batch holds: if it shares the last row's key, the key is not unique
     * and the next page (which starts after that key) would skip it.
     */
    @Override
    public List<Row> next(Handle handle, int size) {
        String sql = "select * from (" + keyset.body() + ") " + ALIAS + where() + " order by " + orderBy()
                + " limit " + (size + 1);
        Page page = bindKey(handle.createQuery(sql)).bindMap(bindings).scanResultSet((supplier, ctx) -> {
            try (ResultSet rs = supplier.get()) {
                return read(rs, Math.min(size + 1, 10_001));
            }
        });
        List<Row> rows = page.rows();
        if (rows.size() > size) {
            if (page.keys().get(size).equals(page.keys().get(size - 1))) {
                throw repeatedKey(page.keys().get(size));
            }
            rows = rows.subList(0, size);
        }
        if (!rows.isEmpty()) {
            lastKey = page.keys().get(rows.size() - 1);
        }
        return rows;
    }

    @Override
    public String position() {
        return lastKey == null ? "" : KeyValues.encode(keys().stream().map(KeyColumn::label).toList(), lastKey);
    }

    @Override
    public long countRemaining(Handle handle) {
        return bindKey(handle.createQuery("select count(*) from (" + keyset.body() + ") " + ALIAS + where()))
                .bindMap(bindings).mapTo(Long.class).one();
    }

    private static List<String> labels(ResultSetMetaData meta) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        return labels;
    }

    private record Page(List<Row> rows, List<List<Object>> keys) {
    }

    /**
     * Reads a page: every column as the driver gives it, key columns as {@link KeyValues#javaType} says.
     *
     * @param capacity the rows expected, so that the lists need not grow while reading
     */
    private Page read(ResultSet rs, int capacity) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> labels = List.copyOf(labels(meta));
        int[] keyPositions = keyPositions(labels);
        Class<?>[] keyTypes = new Class<?>[labels.size()];
        for (int k = 0; k < keyPositions.length; k++) {
            keyTypes[keyPositions[k]] = KeyValues.javaType(meta, keyPositions[k] + 1, keys().get(k).label());
        }
        List<Row> rows = new ArrayList<>(capacity);
        List<List<Object>> keys = new ArrayList<>(capacity);
        List<Object> previous = null;
        while (rs.next()) {
            Object[] values = new Object[labels.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = keyTypes[i] == null || keyTypes[i] == Object.class ? rs.getObject(i + 1)
                        : rs.getObject(i + 1, keyTypes[i]);
            }
            Object[] key = new Object[keyPositions.length];
            for (int k = 0; k < keyPositions.length; k++) {
                key[k] = KeyValues.normalize(keys().get(k).label(), values[keyPositions[k]]);
            }
            List<Object> keyList = Arrays.asList(key);
            if (keyList.equals(previous)) {
                throw repeatedKey(keyList);
            }
            previous = keyList;
            keys.add(keyList);
            rows.add(new Row(labels, values, keyPositions[0]));
        }
        return new Page(rows, keys);
    }

    private IllegalStateException repeatedKey(List<Object> key) {
        return new IllegalStateException(describe() + " returned two rows with the key " + key + ": keyset"
                + " batches would skip rows. Order by columns that are unique together (add the primary key,"
                + " e.g. \"order by created_at, id\")");
    }

    private int[] keyPositions(List<String> labels) {
        int[] positions = new int[keys().size()];
        for (int k = 0; k < positions.length; k++) {
            KeyColumn key = keys().get(k);
            positions[k] = -1;
            for (int i = 0; i < labels.size() && positions[k] < 0; i++) {
                if (key.quoted() ? labels.get(i).equals(key.label()) : labels.get(i).equalsIgnoreCase(key.label())) {
                    positions[k] = i;
                }
            }
            if (positions[k] < 0) {
                throw new IllegalArgumentException(describe() + " orders by " + key.label() + ", which is not"
                        + " among the columns it selects " + labels + ": select it (under that name), so that"
                        + " each batch can start after the last one");
            }
        }
        return positions;
    }

    private String where() {
        List<String> conditions = new ArrayList<>();
        if (lastKey != null) {
            conditions.add(KeysetCondition.after(ALIAS, keys(), rowValues, KeysetCondition.AFTER));
        }
        if (endKey != null) {
            conditions.add("not (" + KeysetCondition.after(ALIAS, keys(), rowValues, KeysetCondition.END) + ")");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private Query bindKey(Query statement) {
        bindKey(statement, KeysetCondition.AFTER, lastKey);
        bindKey(statement, KeysetCondition.END, endKey);
        return statement;
    }

    private static void bindKey(Query statement, String prefix, List<Object> key) {
        if (key != null) {
            for (int k = 0; k < key.size(); k++) {
                statement.bind(KeysetCondition.parameter(prefix, k), Objects.requireNonNull(key.get(k)));
            }
        }
    }

    @Override
    public long countAll(Handle handle) {
        return handle.createQuery("select count(*) from (" + keyset.body() + ") " + ALIAS).bindMap(bindings)
                .mapTo(Long.class).one();
    }

    /** Every {@code step}-th key, numbered in key order in one pass over the query. */
    @Override
    public List<String> boundaries(Handle handle, ChunkCuts cuts) {
        if (cuts.positions().isEmpty()) {
            return List.of();
        }
        String sql = "select * from (select " + ALIAS + ".*, row_number() over (order by " + orderBy() + ") st_rn"
                + " from (" + keyset.body() + ") " + ALIAS + ") st_sample where st_rn < :st_count and ((st_rn <= :st_long_end"
                + " and mod(st_rn, :st_long_step) = 0) or (st_rn > :st_long_end and mod(st_rn - :st_long_end, :st_step) = 0))"
                + " order by st_rn";
        Page sample = handle.createQuery(sql).bindMap(bindings).bind("st_count", cuts.count())
                .bind("st_long_end", cuts.longRangesEnd()).bind("st_long_step", cuts.longStep()).bind("st_step", cuts.step())
                .scanResultSet((supplier, ctx) -> {
                    try (ResultSet rs = supplier.get()) {
                        return read(rs, cuts.chunks());
                    }
                });
        List<String> labels = keys().stream().map(KeyColumn::label).toList();
        return sample.keys().stream().map(key -> KeyValues.encode(labels, key)).toList();
    }

    @Override
    public BatchSource<Row> range(String startAfter, String endAt) {
        KeysetSource range = new KeysetSource(query, rowValues);
        range.bindings.putAll(bindings);
        range.resumeAfter(startAfter);
        range.endKey = endAt == null ? null : KeyValues.decode(endAt);
        return range;
    }

    private String orderBy() {
        List<String> columns = new ArrayList<>();
        for (KeyColumn key : keys()) {
            columns.add(ALIAS + "." + key.reference() + (key.descending() ? " desc" : ""));
        }
        return String.join(", ", columns);
    }

    private List<KeyColumn> keys() {
        return keyset.keys();
    }
}
