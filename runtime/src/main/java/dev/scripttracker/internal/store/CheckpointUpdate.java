package dev.scripttracker.internal.store;

import dev.scripttracker.internal.store.StateStore.ProgressSnapshot;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The update that saves a {@code BATCH} run's checkpoint, and its progress when given, on the run's
 * {@code running} row; a dialect may send it inside a statement of its own (see
 * {@link Dialect#saveCheckpointAndCommit}).
 */
public final class CheckpointUpdate {

    private final String table;
    private final String scriptId;
    private final String runId;
    private final String checkpoint;
    private final long done;
    private final ProgressSnapshot progress;

    CheckpointUpdate(String table, String scriptId, String runId, String checkpoint, long done,
            ProgressSnapshot progress) {
        this.table = table;
        this.scriptId = scriptId;
        this.runId = runId;
        this.checkpoint = checkpoint;
        this.done = done;
        this.progress = progress;
    }

    /** The update of the run's row, whether or not someone asked to cancel the run. */
    public String sql() {
        return sql("");
    }

    /** The update of the run's row if it also meets {@code condition} (" and ..."). */
    String sql(String condition) {
        String progressColumns = progress == null ? ""
                : ", progress_total = :total, progress_rate = :rate, progress_at = :at";
        return "update " + table + " set checkpoint = :checkpoint, progress_done = :done" + progressColumns
                + " where script_id = :id and run_id = :runId and status = 'running'" + condition;
    }

    public <S extends SqlStatement<S>> S bindTo(S statement) {
        statement.bind("checkpoint", checkpoint).bind("done", done).bind("id", scriptId).bind("runId", runId);
        if (progress != null) {
            statement.bind("total", progress.total()).bind("rate", progress.itemsPerSecond())
                    .bind("at", Timestamps.toDb(progress.at()));
        }
        return statement;
    }
}
