package dev.scripttracker.internal.run;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.internal.session.StoreSession;
import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.Interruptions;
import dev.scripttracker.internal.store.ScriptLock.Claim;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The one way a script's lock is taken, for a run, a rollback or a cleanup: waits up to the lock
 * wait for both things that may stand in the way, the lock itself and a holder that may still be
 * alive although the lock is free (where the lock is no proof of death, its {@code running} row
 * counts until its lease runs out). In between, it polls with growing pauses, so a holder that
 * records its outcome is seen at once.
 */
final class LockWait {

    private static final long FIRST_PAUSE_MILLIS = 25;
    private static final long MAX_PAUSE_MILLIS = 500;

    /** Either the row read under the lock ({@code lockedBecause} null), or why the lock could not be had. */
    record Taken(Optional<StateRow> row, RunOutcome outcome, String lockedBecause) {

        static Taken locked(String why) {
            return new Taken(Optional.empty(), RunOutcome.LOCKED, why);
        }
    }

    private final StateStore store;
    private final Dialect dialect;
    private final Clock clock;

    LockWait(StateStore store, Dialect dialect, Clock clock) {
        this.store = store;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Never throws for an interrupt: the thread stays interrupted and the script is not attempted. */
    Taken take(StoreSession session, String scriptId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        try {
            while (true) {
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                long pauseAtMost = leftMillis;
                Optional<Claim> claim = session.tryAcquire(scriptId, store);
                if (claim.isPresent()) {
                    Optional<StateRow> row = claim.get().row();
                    if (row.isPresent() && row.get().status() == ScriptStatus.RUNNING) {
                        // The statement that took the lock may have read the row as it was when the statement
                        // began: the holder may have recorded its outcome and released the lock in between.
                        row = session.use(h -> store.find(h, scriptId));
                    }
                    if (row.isEmpty() || !Interruptions.mayBeAlive(row.get(), clock, dialect)) {
                        return new Taken(row, null, null);
                    }
                    session.release();
                    if (leftMillis <= 0) {
                        return Taken.locked(Interruptions.stillRunning(row.get()));
                    }
                    pauseAtMost = Math.min(leftMillis,
                            Duration.between(clock.instant(), row.get().leaseUntil()).toMillis() + 1);
                } else if (leftMillis <= 0) {
                    return Taken.locked(heldBy(scriptId, session));
                }
                Thread.sleep(Math.max(1, Math.min(pause, pauseAtMost)));
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Taken(Optional.empty(), RunOutcome.NOT_ATTEMPTED, "interrupted while waiting for its lock");
        }
    }

    private String heldBy(String scriptId, StoreSession session) {
        Optional<StateRow> row = session.use(h -> store.find(h, scriptId));
        return row.filter(r -> r.status() == ScriptStatus.RUNNING).map(Interruptions::stillRunning)
                .orElseGet(() -> "script " + scriptId + " is locked by " + session.lockHolder(scriptId)
                        .orElse("another process") + "; not run here, so it is not run twice: wait for it"
                        + " (see status), or raise the lock wait.");
    }
}
