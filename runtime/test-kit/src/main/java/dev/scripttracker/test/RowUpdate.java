package dev.scripttracker.test;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A row that is in a table before and after, with different values.
 *
 * @param key the row's primary key, as {@code id=3} or {@code (tenant='acme', id=3)}
 */
public record RowUpdate(String key, List<ColumnChange> columns) {

    public RowUpdate {
        columns = List.copyOf(columns);
    }

    @Override
    public String toString() {
        return key + ": " + columns.stream().map(ColumnChange::toString).collect(Collectors.joining(", "));
    }
}
