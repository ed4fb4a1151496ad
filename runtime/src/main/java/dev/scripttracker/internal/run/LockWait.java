package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.internal.store.ScriptLock.Claim;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Takes a script's lock for an attempt, waiting up to the lock wait for both things that may stand in
 * the way: the lock itself, and a holder that may still be alive although the lock is free (where the
 * lock is no proof of death, its {@code running} row counts until its lease runs out). In between, the
 * row is polled with growing pauses, so a holder that records its outcome is seen at once.
 */
final class LockWait {

    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long MAX_PAUSE_MILLIS = 1_000;

    /** Either the row read under the lock ({@code lockedBecause} null), or why the lock could not be had. */
    record Taken(Optional<StateRow> row, String lockedBecause) {
    }

    private final Engine engine;

    LockWait(Engine engine) {
        this.engine = engine;
    }

    Taken take(StoreSession session, String scriptId, Duration wait) throws InterruptedException {
        StateStore store = engine.store();
        Clock clock = engine.settings().clock();
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<Claim> claim = session.acquire(scriptId, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                    store);
            if (claim.isEmpty()) {
                return new Taken(Optional.empty(), heldBy(scriptId, session));
            }
            Optional<StateRow> row = claim.get().row();
            if (row.isPresent() && row.get().status() == ScriptStatus.RUNNING) {
                // The statement that took the lock may have read the row as it was when the statement began:
                // the holder may have recorded its outcome and released the lock in between.
                row = session.use(h -> store.find(h, scriptId));
            }
            if (row.isEmpty() || !Interruptions.mayBeAlive(row.get(), clock, engine.dialect())) {
                return new Taken(row, null);
            }
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return new Taken(row, Interruptions.stillRunning(row.get()));
            }
            session.release();
            long untilLeaseEnds = Duration.between(clock.instant(), row.get().leaseUntil()).toMillis() + 1;
            Thread.sleep(Math.max(1, Math.min(pause, Math.min(untilLeaseEnds, leftMillis))));
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    private String heldBy(String scriptId, StoreSession session) {
        Optional<StateRow> row = session.use(h -> engine.store().find(h, scriptId));
        return row.filter(r -> r.status() == ScriptStatus.RUNNING).map(Interruptions::stillRunning)
                .orElseGet(() -> "script " + scriptId + " is locked by " + session.lockHolder(scriptId)
                        .orElse("another process") + "; not run here, so it is not run twice: wait for it"
                        + " (see status), or raise the lock wait.");
    }
}
