package dev.scripttracker.internal.store;

import dev.scripttracker.ScriptStatus;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Turns a {@code running} row whose holder is gone into {@code interrupted}. Callers hold the
 * script's lock. Where the lock is held by the work session (PostgreSQL, MySQL, MariaDB), a free
 * lock proves the holder's work session gone and its uncommitted work rolled back. Where it is a
 * lease row (H2), the holder is gone once its lease has expired.
 */
public final class Interruptions {

    private final StateStore store;
    private final Clock clock;

    public Interruptions(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Whether the holder of a {@code running} row may still be at work, for a caller that holds the
     * script's lock: never where the lock proves the holder's work session gone, otherwise until its
     * lease runs out.
     */
    public static boolean mayBeAlive(StateRow row, Clock clock, Dialect dialect) {
        return row.status() == ScriptStatus.RUNNING && !dialect.lockProvesHolderGone() && row.leaseUntil() != null
                && row.leaseUntil().isAfter(clock.instant());
    }

    public static String stillRunning(StateRow row) {
        return "script " + row.scriptId() + " is being run by " + row.executedBy() + " since " + row.startedAt()
                + " (attempt " + row.attempt() + "); its lease runs until " + row.leaseUntil() + ". Not run here, so"
                + " it is not run twice: wait for it (see status), or raise the lock wait.";
    }

    /**
     * For a holder found dead: its last heartbeat is the last moment it is known to have run, so the
     * attempt ends there, not when someone noticed (a lease or more later).
     */
    public boolean markAbandoned(Handle session, StateRow row) {
        Instant lastSignOfLife = row.heartbeatAt() != null ? row.heartbeatAt() : row.startedAt();
        return mark(session, row, "the process running it (" + row.executedBy() + ") stopped without recording an"
                + " outcome: it was killed, crashed or lost its database connection (last heartbeat "
                + row.heartbeatAt() + ")", lastSignOfLife);
    }

    /** For a run this process sees stop now (its JVM shuts down). */
    public boolean markStopped(Handle session, StateRow row, String why) {
        return mark(session, row, why, clock.instant());
    }

    private boolean mark(Handle session, StateRow row, String why, Instant ended) {
        String message = why + "." + switch (row.mode()) {
                    case SCRIPT -> " Its work was rolled back with its transaction.";
                    case BATCH -> " Batches committed before that stay committed.";
                    case NONE -> " It ran without a transaction: check the data for partial effects.";
                };
        AttemptRecord record = AttemptRecord.interrupted(row, message, ended);
        return session.inTransaction(h -> store.finish(h, record, row.runId(), ScriptStatus.RUNNING));
    }
}
