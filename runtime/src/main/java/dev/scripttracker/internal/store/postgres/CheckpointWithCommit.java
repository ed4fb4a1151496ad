package dev.scripttracker.internal.store.postgres;

import dev.scripttracker.internal.store.CheckpointUpdate;
import dev.scripttracker.internal.store.StateStore.CheckpointSaved;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A batch's checkpoint and its commit in one round trip: the driver sends the statements of one
 * prepared statement together, up to a single sync, and skips the commit when the first fails.
 */
final class CheckpointWithCommit {

    /**
     * When the update found no row of this run, the statement fails, and so skips the commit, by casting a
     * sentence to a number: the server's log then says what happened. The sentence ends with the row count,
     * which is no constant, so that the server cannot evaluate it while planning.
     */
    private static final String NOT_OURS = "script-tracker: this run is no longer held by this process (another process"
            + " declared it interrupted); the batch is rolled back. Runs found: ";
    private static final String INVALID_NUMBER = "22P02";

    private CheckpointWithCommit() {
    }

    static CheckpointSaved save(Handle handle, CheckpointUpdate update) {
        Query saved = handle.createQuery("with saved as (" + update.sql()
                + " returning cancel_requested_at) select count(cancel_requested_at) as cancels, case count(*) when 1"
                + " then 1 else cast('" + NOT_OURS + "' || count(*) as integer) end as ours from saved; commit");
        try {
            return update.bindTo(saved).map((rs, ctx) -> rs.getLong("cancels")).one() > 0
                    ? CheckpointSaved.CANCEL_REQUESTED : CheckpointSaved.SAVED;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && INVALID_NUMBER.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(NOT_OURS)) {
                return CheckpointSaved.LOST;
            }
            throw e;
        }
    }
}
