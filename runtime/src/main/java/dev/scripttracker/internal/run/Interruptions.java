package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.internal.store.AttemptRecord;
import dev.scripttracker.internal.store.StateRow;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Turns a {@code running} row whose holder is gone into {@code interrupted}. The holder is gone when
 * its lock is free (callers hold it) and its lease has expired: a lock alone is not proof, because
 * a process whose lock session dropped keeps running its script until its heartbeat notices, which
 * is well within the lease.
 */
final class Interruptions {

    private Interruptions() {
    }

    static boolean mayBeAlive(StateRow row, Clock clock) {
        return row.status() == ScriptStatus.RUNNING && row.leaseUntil() != null
                && row.leaseUntil().isAfter(clock.instant());
    }

    static String stillRunning(StateRow row) {
        return "script " + row.scriptId() + " is being run by " + row.executedBy() + " since " + row.startedAt()
                + " (attempt " + row.attempt() + "); its lease runs until " + row.leaseUntil() + ". Not run here, so"
                + " it is not run twice: wait for it (see status), or raise the lock wait.";
    }

    /**
     * For a holder found dead: its last heartbeat is the last moment it is known to have run, so the
     * attempt ends there, not when someone noticed (a lease or more later).
     */
    static boolean markInterrupted(Engine engine, Handle session, StateRow row) {
        Instant lastSignOfLife = row.heartbeatAt() != null ? row.heartbeatAt() : row.startedAt();
        return markInterrupted(engine, session, row, "the process running it (" + row.executedBy() + ") stopped"
                + " without recording an outcome: it was killed, crashed or lost its database connection (last"
                + " heartbeat " + row.heartbeatAt() + ")", lastSignOfLife);
    }

    /** For a run this process sees stop now (its JVM shuts down). */
    static boolean markInterrupted(Engine engine, Handle session, StateRow row, String why) {
        return markInterrupted(engine, session, row, why, engine.settings().clock().instant());
    }

    private static boolean markInterrupted(Engine engine, Handle session, StateRow row, String why, Instant ended) {
        String message = why + "." + switch (row.mode()) {
                    case SCRIPT -> " Its work was rolled back with its transaction.";
                    case BATCH -> " Batches committed before that stay committed.";
                    case NONE -> " It ran without a transaction: check the data for partial effects.";
                };
        AttemptRecord record = new AttemptRecord(row.scriptId(), row.runId(), AttemptRecord.RUN, row.attempt(),
                ScriptStatus.INTERRUPTED, row.mode(), row.startedAt(), ended, row.executedBy(), row.parameters(),
                row.progressDone(), row.progressTotal(), row.output(), null, message, null, row.checkpoint(),
                row.resumedFrom());
        return session.inTransaction(h -> engine.store().finish(h, record, row.runId(), ScriptStatus.RUNNING));
    }
}
