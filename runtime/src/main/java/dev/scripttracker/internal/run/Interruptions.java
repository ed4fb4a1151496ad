package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.internal.store.AttemptRecord;
import dev.scripttracker.internal.store.StateRow;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Turns a {@code running} row whose holder is gone into {@code interrupted}. Callers prove the
 * holder is gone by holding the script's lock: a session lock is only free once the holder's
 * session ended, a lease lock once its lease expired.
 */
final class Interruptions {

    private Interruptions() {
    }

    static boolean markInterrupted(Engine engine, Handle session, StateRow row) {
        Instant now = engine.settings().clock().instant();
        String message = "the process running it (" + row.executedBy() + ") stopped without recording an outcome:"
                + " it was killed, crashed or lost its database connection (last heartbeat "
                + row.heartbeatAt() + ")." + switch (row.mode()) {
                    case SCRIPT -> " Its work was rolled back with its transaction.";
                    case BATCH -> " Batches committed before that stay committed.";
                    case NONE -> " It ran without a transaction: check the data for partial effects.";
                };
        AttemptRecord record = new AttemptRecord(row.scriptId(), row.runId(), AttemptRecord.RUN, row.attempt(),
                ScriptStatus.INTERRUPTED, row.mode(), row.startedAt(), now, row.executedBy(), row.parameters(),
                row.progressDone(), row.progressTotal(), row.output(), null, message, null);
        return session.inTransaction(h -> engine.store().finish(h, record, row.runId(), ScriptStatus.RUNNING));
    }
}
