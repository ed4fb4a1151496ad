package dev.scripttracker.test;

import dev.scripttracker.test.internal.Values;

/** One column of one row, before and after. */
public record ColumnChange(String column, Object before, Object after) {

    @Override
    public String toString() {
        return column + ": " + Values.show(before) + " -> " + Values.show(after);
    }
}
