package dev.scripttracker.internal.store;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One row of the current-state table.
 *
 * @param status {@link ScriptStatus#UNKNOWN} and {@code mode} null when the row holds a value this version does not know
 * @param unreadable what those values are, e.g. {@code status 'bogus'}; null when every value could be read
 * @param codeChecksum the checksum of the code of the attempt recorded here; null when unknown
 */
public record StateRow(
        String scriptId,
        String description,
        ScriptStatus status,
        Transaction mode,
        int attempt,
        int consecutiveFailures,
        String runId,
        Instant startedAt,
        Instant finishedAt,
        Long durationMillis,
        String executedBy,
        Instant heartbeatAt,
        Instant leaseUntil,
        long progressDone,
        long progressTotal,
        String parameters,
        String output,
        String errorClass,
        String errorMessage,
        String checkpoint,
        String resumedFrom,
        double progressRate,
        Instant progressAt,
        String cancelRequestedBy,
        String unreadable,
        String codeChecksum) {

    static final String COLUMNS = "script_id, description, status, transaction_mode, attempt,"
            + " consecutive_failures, run_id, started_at, finished_at, duration_ms, executed_by,"
            + " heartbeat_at, lease_until, progress_done, progress_total, parameters, output,"
            + " error_class, error_message, checkpoint, resumed_from, progress_rate, progress_at,"
            + " cancel_requested_by, code_checksum";

    /** The row under the cursor; public for the locks that read it in the statement that takes them. */
    public static StateRow map(ResultSet rs) throws SQLException {
        long duration = rs.getLong("duration_ms");
        Long durationMillis = rs.wasNull() ? null : duration;
        return new StateRow(rs.getString("script_id"), rs.getString("description"),
                ScriptStatus.fromStored(rs.getString("status")),
                StoredValues.mode(rs.getString("transaction_mode")), rs.getInt("attempt"),
                rs.getInt("consecutive_failures"), rs.getString("run_id"),
                Timestamps.read(rs, "started_at"), Timestamps.read(rs, "finished_at"), durationMillis,
                rs.getString("executed_by"), Timestamps.read(rs, "heartbeat_at"),
                Timestamps.read(rs, "lease_until"), rs.getLong("progress_done"), rs.getLong("progress_total"),
                rs.getString("parameters"), rs.getString("output"), rs.getString("error_class"),
                rs.getString("error_message"), rs.getString("checkpoint"), rs.getString("resumed_from"),
                rs.getDouble("progress_rate"), Timestamps.read(rs, "progress_at"), rs.getString("cancel_requested_by"),
                StoredValues.unreadable(rs.getString("status"), rs.getString("transaction_mode"), true),
                rs.getString("code_checksum"));
    }

    /**
     * This row, if every value in it could be read: nothing may act on a row it cannot read.
     *
     * @throws ConfigurationException naming the row, the value and how to fix it
     */
    public StateRow requireReadable(String table) {
        if (unreadable == null) {
            return this;
        }
        throw new ConfigurationException("script " + scriptId + ": its row in table " + table + " holds "
                + unreadable + ", which this version of script-tracker does not know (edited by hand, or written by"
                + " a newer version). Nothing was run or written. Set a known value (status: success, failed,"
                + " skipped, timed_out, interrupted, cancelled, rolled_back; transaction_mode: SCRIPT, BATCH, NONE),"
                + " or delete the row if the script never ran, then try again.");
    }
}
