package dev.scripttracker.internal.run;

import dev.scripttracker.Transaction;
import dev.scripttracker.internal.session.StoreSession;
import dev.scripttracker.internal.store.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renews a running attempt's lock and lease and saves its progress and output, so other processes
 * see it live and a dead holder is told apart from a slow one. A failed renewal stops the script.
 * Without a run id (dry runs, rollbacks: no row of their own) it renews the lock only.
 */
final class Heartbeat implements AutoCloseable {

    private final ScheduledFuture<?> future;

    private Heartbeat(ScheduledFuture<?> future) {
        this.future = future;
    }

    static Heartbeat start(Engine engine, StoreSession session, AttemptState attempt, BatchRun batches,
            Canceller canceller) {
        Duration interval = engine.settings().heartbeatInterval();
        Beat beat = new Beat(engine.store(), engine.settings(), session, attempt, batches, canceller);
        return new Heartbeat(engine.scheduler().scheduleWithFixedDelay(
                beat::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    private record Beat(StateStore store, Settings settings, StoreSession session, AttemptState attempt,
            BatchRun batches, Canceller canceller) {

        void beat() {
            String id = attempt.definition().id();
            String runId = attempt.runId();
            try {
                // A batch run saves its progress with each checkpoint; a count read here could be one batch
                // behind by the time this update runs, after the batch's commit.
                boolean withProgress = attempt.definition().transaction() != Transaction.BATCH || !batches.inLoop();
                Instant now = settings.clock().instant();
                boolean ours = session.renew() && (runId == null || session.use(h -> store.heartbeat(h, id, runId,
                        now, now.plus(settings.lease()), withProgress, attempt.progressDone(),
                        attempt.progressTotal(), attempt.output())));
                if (!ours) {
                    canceller.lockLost("it lost its lock on script " + id
                            + " (another process declared it interrupted)");
                } else if (runId != null) {
                    // A batch loop stops at its next boundary; outside a loop nothing would look, so stop it now.
                    session.use(h -> store.cancelRequest(h, id, runId)).ifPresent(by -> canceller.cancelRequested(by,
                            batches.checkpointed() && batches.inLoop()));
                }
            } catch (RuntimeException e) {
                canceller.lockLost("the database session holding its lock failed (" + e.getMessage()
                        + "), so it was stopped before another process could run it at the same time");
            }
        }
    }

    @Override
    public void close() {
        future.cancel(false);
    }
}
