package dev.scripttracker.internal.store.postgres;

import dev.scripttracker.internal.store.ChunkStore.Saved;
import dev.scripttracker.internal.store.ChunkUpdate;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A parallel loop's batch: its chunk's position and its commit in one round trip, as
 * {@link CheckpointWithCommit} does for a sequential loop's checkpoint.
 */
final class ChunkWithCommit {

    private static final String NOT_OURS = "script-tracker: this chunk is no longer held by this worker, or its run"
            + " is no longer running; the batch is rolled back. Chunks found: ";
    private static final String INVALID_NUMBER = "22P02";

    private ChunkWithCommit() {
    }

    static Saved save(Handle handle, ChunkUpdate update) {
        Query saved = handle.createQuery("with saved as (" + update.sql() + " returning 1) select ("
                + update.cancelRequestedSql() + ") as cancels, case count(*) when 1 then 1 else cast('" + NOT_OURS
                + "' || count(*) as integer) end as ours from saved; commit");
        try {
            return update.bindTo(saved).map((rs, ctx) -> rs.getLong("cancels")).one() > 0
                    ? Saved.CANCEL_REQUESTED : Saved.SAVED;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && INVALID_NUMBER.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(NOT_OURS)) {
                return Saved.LOST;
            }
            throw e;
        }
    }
}
