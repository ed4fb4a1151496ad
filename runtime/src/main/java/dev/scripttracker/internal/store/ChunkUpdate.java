package dev.scripttracker.internal.store;

import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The update that saves a chunk's position after a batch (or marks it done), only while the worker
 * holds the chunk and the run is still the state row's running one; a dialect may send it inside a
 * statement of its own (see {@link Dialect#saveChunkAndCommit}).
 */
public record ChunkUpdate(TableNames tables, String scriptId, int loop, int chunk, String runId, String worker,
        String position, long itemsDone, long batchesDone, boolean done) {

    /** The update, whether or not someone asked to cancel the run. */
    public String sql() {
        return sql("");
    }

    /** The update if the run's row also meets {@code condition} (" and s...."). */
    String sql(String condition) {
        return "update " + tables.chunks() + " set last_position = :position, items_done = :done,"
                + " batches_done = :batches" + (done ? ", status = 'done', worker = null, lease_until = null" : "")
                + " where script_id = :id and loop_no = :loop and chunk_no = :chunk and worker = :worker"
                + " and status = 'claimed' and exists (select 1 from " + tables.state() + " s where"
                + " s.script_id = :id and s.run_id = :runId and s.status = 'running'" + condition + ")";
    }

    /** A query of one row and column: 1 when someone asked to cancel the run, else 0. */
    public String cancelRequestedSql() {
        return "select count(*) from " + tables.state() + " where script_id = :id and run_id = :runId"
                + " and cancel_requested_at is not null";
    }

    public <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("position", position).bind("done", itemsDone).bind("batches", batchesDone)
                .bind("id", scriptId).bind("loop", loop).bind("chunk", chunk).bind("worker", worker)
                .bind("runId", runId);
    }
}
