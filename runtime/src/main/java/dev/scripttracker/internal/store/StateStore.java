package dev.scripttracker.internal.store;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * Reads and writes the current-state table. Every change of a row is a compare-and-set on what the
 * caller read, so a stale read can never overwrite another process's record.
 */
public final class StateStore {

    private final TableNames tables;
    private final Dialect dialect;
    private final HistoryStore history;

    public StateStore(TableNames tables, Dialect dialect) {
        this.tables = tables;
        this.dialect = dialect;
        this.history = new HistoryStore(tables, dialect);
    }

    public HistoryStore history() {
        return history;
    }

    public Optional<StateRow> find(Handle handle, String scriptId) {
        return StoreException.attempt("read the state of script " + scriptId + " from table " + tables.state(),
                () -> handle.createQuery("select " + StateRow.COLUMNS + " from " + tables.state()
                                + " where script_id = :id")
                        .bind("id", scriptId).map((rs, ctx) -> StateRow.map(rs)).findOne());
    }

    /** The state columns, for a lock that reads the row in the statement that takes the lock. */
    public String selectRowSql(String fromClauseAlias) {
        return StateRow.COLUMNS.replaceAll("(\\w+)", fromClauseAlias + ".$1");
    }

    public String table() {
        return tables.state();
    }

    public List<StateRow> findAll(Handle handle) {
        return StoreException.attempt("read table " + tables.state(),
                () -> handle.createQuery("select " + StateRow.COLUMNS + " from " + tables.state()
                        + " order by script_id").map((rs, ctx) -> StateRow.map(rs)).list());
    }

    /**
     * Records that an attempt started, if the row is still as {@code previous} says.
     *
     * @return false when another process changed the row first
     */
    public boolean markRunning(Handle handle, ScriptDefinition script, Optional<StateRow> previous,
            AttemptRecord started, Instant leaseUntil) {
        return StoreException.attempt("record the start of script " + script.id() + " in table " + tables.state(),
                () -> previous.isEmpty()
                        ? insertRunning(handle, script, started, leaseUntil)
                        : handle.createUpdate("update " + tables.state() + " set status = 'running',"
                                        + " description = :description, transaction_mode = :mode, attempt = :attempt,"
                                        + " run_id = :runId, started_at = :now, finished_at = null, duration_ms = null,"
                                        + " executed_by = :by, heartbeat_at = :now, lease_until = :until,"
                                        + " progress_done = :done, progress_total = 0, progress_rate = null,"
                                        + " progress_at = null, parameters = :parameters, checkpoint = :checkpoint,"
                                        + " resumed_from = :checkpoint, cancel_requested_at = null,"
                                        + " cancel_requested_by = null, output = null, error_class = null,"
                                        + " error_message = null, error_stack = null, code_checksum = :codeChecksum"
                                        + " where script_id = :id and run_id = :oldRunId and status = :oldStatus")
                                .bindMap(startColumns(script, started, leaseUntil))
                                .bind("attempt", started.attempt()).bind("checkpoint", started.resumedFrom())
                                .bind("done", started.progressDone()).bind("oldRunId", previous.get().runId())
                                .bind("oldStatus", previous.get().status().label())
                                .execute() == 1);
    }

    private Map<String, Object> startColumns(ScriptDefinition script, AttemptRecord started,
            Instant leaseUntil) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", script.id());
        values.put("description", StoredText.head(script.description(), ColumnLimits.DESCRIPTION));
        values.put("mode", script.transaction().name());
        values.put("runId", started.runId());
        values.put("now", Timestamps.toDb(started.startedAt()));
        values.put("until", Timestamps.toDb(leaseUntil));
        values.put("by", StoredText.head(started.executedBy(), ColumnLimits.OPERATOR));
        values.put("parameters", StoredText.head(started.parameters(), dialect.longTextChars()));
        values.put("codeChecksum", started.codeChecksum());
        return values;
    }

    /**
     * Where a {@code BATCH} run starts: after the checkpoint of the attempt it resumes, or (null, 0)
     * from the beginning.
     */
    public record Resume(String checkpoint, long done) {

        public static final Resume NONE = new Resume(null, 0);
    }

    /** What saving a checkpoint found: saved, saved but the run is asked to stop, or not ours any more. */
    public enum CheckpointSaved { SAVED, CANCEL_REQUESTED, LOST }

    /**
     * Saves a {@code BATCH} run's checkpoint in the batch's transaction, and its progress when
     * {@code progress} is given. One statement unless someone asked to cancel the run. With
     * {@code commit}, the batch's transaction is open and may be committed by the same round trip
     * where the database allows it (then the caller's commit has nothing left to do); a checkpoint
     * that is no longer this run's then leaves the transaction to roll back.
     */
    public CheckpointSaved saveCheckpoint(Handle handle, String scriptId, String runId, String checkpoint, long done,
            ProgressSnapshot progress, boolean commit) {
        CheckpointUpdate update = new CheckpointUpdate(tables.state(), scriptId, runId, checkpoint, done, progress);
        return StoreException.attempt("save the checkpoint of script " + scriptId + " in table " + tables.state(),
                () -> {
                    Optional<CheckpointSaved> savedWithCommit = commit
                            ? dialect.saveCheckpointAndCommit(handle, update) : Optional.empty();
                    if (savedWithCommit.isPresent()) {
                        return savedWithCommit.get();
                    }
                    Function<String, Integer> save = condition -> update.bindTo(
                            handle.createUpdate(update.sql(condition))).execute();
                    if (save.apply(" and cancel_requested_at is null") == 1) {
                        return CheckpointSaved.SAVED;
                    }
                    return save.apply("") == 1 ? CheckpointSaved.CANCEL_REQUESTED : CheckpointSaved.LOST;
                });
    }

    public record ProgressSnapshot(long total, double itemsPerSecond, Instant at) {
    }

    /** Who asked another process to cancel run {@code runId}, if anyone did. */
    public Optional<String> cancelRequest(Handle handle, String scriptId, String runId) {
        return StoreException.attempt("read the cancel request of script " + scriptId + " from table "
                + tables.state(), () -> handle.createQuery("select cancel_requested_by from " + tables.state()
                        + " where script_id = :id and run_id = :runId and cancel_requested_at is not null")
                .bind("id", scriptId).bind("runId", runId).mapTo(String.class).findOne());
    }

    /**
     * Asks the process running the script to stop.
     *
     * @return false when the script is not running
     */
    public boolean requestCancel(Handle handle, String scriptId, String requestedBy, Instant at) {
        return StoreException.attempt("request the cancellation of script " + scriptId + " in table "
                + tables.state(), () -> handle.createUpdate("update " + tables.state() + " set cancel_requested_at"
                        + " = :at, cancel_requested_by = :by where script_id = :id and status = 'running'")
                .bind("at", Timestamps.toDb(at)).bind("by", StoredText.head(requestedBy, ColumnLimits.OPERATOR)).bind("id", scriptId).execute() == 1);
    }

    private boolean insertRunning(Handle handle, ScriptDefinition script, AttemptRecord started, Instant leaseUntil) {
        try {
            handle.createUpdate("insert into " + tables.state() + " (script_id, description, status,"
                            + " transaction_mode, attempt, consecutive_failures, run_id, started_at, executed_by,"
                            + " heartbeat_at, lease_until, progress_done, progress_total, parameters, code_checksum)"
                            + " values (:id, :description, 'running', :mode, 1, 0, :runId, :now, :by, :now, :until, 0,"
                            + " 0, :parameters, :codeChecksum)")
                    .bindMap(startColumns(script, started, leaseUntil)).execute();
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && dialect.isDuplicateKey(sql)) {
                return false;
            }
            throw e;
        }
    }

    /** Renews the running attempt's lease and saves its output, and its progress when {@code withProgress}. */
    public boolean heartbeat(Handle handle, String scriptId, String runId, Instant now, Instant leaseUntil,
            boolean withProgress, long progressDone, long progressTotal, String output) {
        String progress = withProgress ? " progress_done = :done, progress_total = :total," : "";
        return StoreException.attempt("renew the lease of script " + scriptId + " in table " + tables.state(),
                () -> {
                    Update update = handle.createUpdate("update " + tables.state() + " set heartbeat_at = :now,"
                                    + " lease_until = :until," + progress + " output = :output"
                                    + " where script_id = :id and run_id = :runId and status = 'running'")
                            .bind("now", Timestamps.toDb(now)).bind("until", Timestamps.toDb(leaseUntil))
                            .bind("output", StoredText.tail(output, dialect.longTextChars())).bind("id", scriptId).bind("runId", runId);
                    if (withProgress) {
                        update.bind("done", progressDone).bind("total", progressTotal);
                    }
                    return update.execute() == 1;
                });
    }

    /**
     * Writes the outcome of the attempt {@code record.runId()} to the state row and the history, if
     * the row is still as expected. Runs in the caller's transaction, so in {@code SCRIPT} mode it
     * commits with the script's work.
     *
     * @return false, writing nothing, when another process changed the row first
     */
    public boolean finish(Handle handle, AttemptRecord record, String expectedRunId, ScriptStatus expectedStatus) {
        String update = "update " + tables.state() + " set status = :status, transaction_mode = :mode, run_id = :runId,"
                + " finished_at = :finished,"
                + " duration_ms = :duration, lease_until = null, progress_done = :done, progress_total = :total,"
                + " output = :output, error_class = :errorClass, error_message = :errorMessage,"
                + " error_stack = :errorStack, code_checksum = :codeChecksum, consecutive_failures = "
                + (!record.isFailure() ? "0" : record.madeProgress() ? "1" : "consecutive_failures + 1")
                + " where script_id = :id and run_id = :expectedRunId and status = :expectedStatus";
        String insert = "insert into " + tables.history() + " (" + HistoryStore.COLUMNS + ")";
        return StoreException.attempt("record the outcome (" + record.status().label() + ") of script "
                + record.scriptId() + " in table " + tables.state(), () -> {
                    Optional<String> inOneStatement = dialect.insertIfUpdated(update, insert, HistoryStore.VALUES);
                    if (inOneStatement.isPresent()) {
                        return bindFinish(handle.createUpdate(inOneStatement.get()), record, expectedRunId,
                                expectedStatus).execute() == 1;
                    }
                    boolean updated = bindFinish(handle.createUpdate(update), record, expectedRunId, expectedStatus)
                            .execute() == 1;
                    if (updated) {
                        history.append(handle, record);
                    }
                    return updated;
                });
    }

    private Update bindFinish(Update statement, AttemptRecord record, String expectedRunId,
            ScriptStatus expectedStatus) {
        // Run apart from the history's insert, the update leaves the history's values unused.
        statement.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        return history.bind(statement, record).bind("expectedRunId", expectedRunId)
                .bind("expectedStatus", expectedStatus.label());
    }
}
