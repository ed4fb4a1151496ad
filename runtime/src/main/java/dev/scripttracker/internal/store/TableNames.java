package dev.scripttracker.internal.store;

import dev.scripttracker.ConfigurationException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The store's table names, derived from one validated prefix (optionally schema-qualified), so that
 * no configuration value ever reaches SQL unchecked.
 */
public record TableNames(String state, String history, String lock, String schema, String chunks) {

    public static final String DEFAULT_PREFIX = "tracked_scripts";
    private static final Pattern PREFIX =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,39}");

    public static TableNames forPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new ConfigurationException("table prefix '" + prefix + "' is not a plain SQL identifier:"
                    + " use letters, digits and '_', starting with a letter or '_', at most 40 characters,"
                    + " optionally preceded by a schema name and a dot (e.g. ops.tracked_scripts)."
                    + " Set it with SCRIPT_TRACKER_TABLE_PREFIX or scripttracker.table-prefix.");
        }
        return new TableNames(prefix, prefix + "_history", prefix + "_lock", prefix + "_schema", prefix + "_chunks");
    }

    /** Every table of the store, the state table first. */
    public List<String> all() {
        return List.of(state, history, lock, schema, chunks);
    }

    /** The tables of a store at schema {@code version}: the chunks of parallel batch loops came with version 3. */
    public List<String> of(int version) {
        return version >= 3 ? all() : List.of(state, history, lock, schema);
    }

    /** Name for the history index: unqualified, as index names live in their table's schema. */
    public String historyIndex() {
        return state.substring(state.lastIndexOf('.') + 1) + "_history_by_script";
    }
}
