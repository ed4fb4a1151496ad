package dev.scripttracker.internal.store;

import dev.scripttracker.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The columns each table must have at each schema version, checked before anything is written: a
 * table of that name created by hand or by another tool passes {@code create table if not exists}
 * unchanged, and would fail later with raw SQL errors in the middle of a run.
 */
final class TableColumns {

    private static final List<String> ATTEMPT = List.of("started_at", "finished_at", "duration_ms", "executed_by",
            "progress_done", "progress_total", "checkpoint", "parameters", "output", "error_class", "error_message",
            "error_stack");
    private static final List<String> STATE_1 = List.of("script_id", "description", "status", "transaction_mode",
            "attempt", "consecutive_failures", "run_id", "heartbeat_at", "lease_until");
    private static final List<String> STATE_ADDED_IN_2 = List.of("resumed_from", "progress_rate", "progress_at",
            "cancel_requested_at", "cancel_requested_by");
    private static final List<String> HISTORY_1 = List.of("run_id", "script_id", "action", "attempt", "status",
            "transaction_mode");
    private static final List<String> LOCK = List.of("script_id", "owner", "holder", "acquired_at", "lease_until");
    private static final List<String> SCHEMA = List.of("component", "version", "installed_at");
    private static final List<String> CHUNKS = List.of("script_id", "loop_no", "chunk_no", "run_id", "fingerprint",
            "start_after", "end_at", "last_position", "items_done", "batches_done", "status", "worker", "lease_until");

    private final TableNames tables;

    TableColumns(TableNames tables) {
        this.tables = tables;
    }

    /**
     * @param version the version the tables say they have; columns a later version added are the upgrade's job
     * @throws ConfigurationException naming each table that lacks columns, the columns, and the way out
     */
    void check(ExistingTables existing, int version) {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        required(version).forEach((table, columns) -> existing.columnsOf(table).ifPresent(found -> {
            List<String> absent = columns.stream().filter(c -> !found.contains(c)).toList();
            if (!absent.isEmpty()) {
                missing.put(table, absent);
            }
        }));
        if (!missing.isEmpty()) {
            List<String> each = new ArrayList<>();
            missing.forEach((table, columns) -> each.add("table " + table + " has no column " + String.join(", ", columns)));
            throw new ConfigurationException(String.join("; ", each) + ". script-tracker (schema version " + version
                    + ") needs them: the table was created by hand or by another tool, or changed since. Nothing was"
                    + " written. Drop the table if it holds nothing you need, so that script-tracker creates it, or"
                    + " use another table prefix (--table-prefix, SCRIPT_TRACKER_TABLE_PREFIX).");
        }
    }

    private Map<String, List<String>> required(int version) {
        boolean two = version >= 2;
        Map<String, List<String>> required = new LinkedHashMap<>();
        List<String> addedIn4 = version >= 4 ? List.of("code_checksum") : List.of();
        required.put(tables.state(), concat(STATE_1, ATTEMPT, two ? STATE_ADDED_IN_2 : List.of(), addedIn4));
        required.put(tables.history(), concat(HISTORY_1, ATTEMPT, two ? List.of("resumed_from") : List.of(), addedIn4));
        required.put(tables.lock(), LOCK);
        required.put(tables.schema(), SCHEMA);
        if (version >= 3) {
            required.put(tables.chunks(), concat(CHUNKS, version >= 4 ? List.of("error_message") : List.of()));
        }
        return required;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
