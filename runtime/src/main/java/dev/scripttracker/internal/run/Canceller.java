package dev.scripttracker.internal.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * Stops a running script: at its deadline, when its lock is lost, or when another process cancels it. First cooperatively (the
 * context reports cancelled) and by interrupting its thread; if the script still has not returned
 * after a grace period, by aborting its database connection, which also rolls its work back. Where
 * that connection holds the script's lock (PostgreSQL, MySQL), it is aborted only once the lock is
 * lost anyway: aborting it earlier would free the lock while the script still runs, and another
 * process would take over at once; the database's statement timeout stops its statements instead.
 */
final class Canceller {

    static final Duration GRACE = Duration.ofSeconds(10);

    private final AttemptState ctx;
    private final Handle work;
    private final Thread runner;
    private final ScheduledExecutorService scheduler;
    private final boolean workHoldsTheLock;
    private ScheduledFuture<?> deadline;
    private boolean bodyRunning = true;
    private boolean timedOut;
    private boolean interruptedByUs;
    private boolean cancelForced;

    Canceller(AttemptState ctx, Handle work, ScheduledExecutorService scheduler, boolean workHoldsTheLock) {
        this.ctx = ctx;
        this.work = work;
        this.runner = Thread.currentThread();
        this.scheduler = scheduler;
        this.workHoldsTheLock = workHoldsTheLock;
    }

    void armDeadline(Duration timeout) {
        deadline = scheduler.schedule(() -> stop(true, "it ran longer than its timeout of " + timeout),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void lockLost(String why) {
        stop(false, why);
    }

    /**
     * Another process asked to cancel the run. A {@code BATCH} script stops at its next batch
     * boundary; any other is stopped like at its deadline, since its work rolls back whole anyway
     * (or, without a transaction, was asked to stop by someone who knows).
     */
    void cancelRequested(String by, boolean atBatchBoundary) {
        synchronized (this) {
            if (!bodyRunning) {
                return;
            }
            ctx.cancelRequested(by);
            if (atBatchBoundary || cancelForced) {
                return;
            }
            cancelForced = true;
            interruptedByUs = true;
            runner.interrupt();
        }
        scheduler.schedule(this::abortConnection, GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stop(boolean timeout, String reason) {
        synchronized (this) {
            if (!bodyRunning) {
                return;
            }
            if (timeout) {
                timedOut = true;
                ctx.cancel(reason);
            } else {
                ctx.lockLost(reason);
            }
            interruptedByUs = true;
            runner.interrupt();
        }
        scheduler.schedule(this::abortConnection, GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void abortConnection() {
        synchronized (this) {
            if (!bodyRunning || workHoldsTheLock && !ctx.lockWasLost()) {
                return;
            }
            try {
                work.getConnection().abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // The connection is being torn down either way; the run is recorded by the runner.
            }
        }
    }

    /** Called when the body has returned: no interrupt of ours can arrive after this, nor stay behind. */
    synchronized void bodyFinished() {
        bodyRunning = false;
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (interruptedByUs) {
            Thread.interrupted();
        }
    }

    synchronized boolean timedOut() {
        return timedOut;
    }
}
