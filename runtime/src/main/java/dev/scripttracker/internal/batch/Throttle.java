package dev.scripttracker.internal.batch;

import dev.scripttracker.ScriptCancelledException;
import java.time.Duration;

/** The waits between batches: a fixed pause, and a backoff while the plan's throttle condition holds. */
public final class Throttle {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final long SLICE_MILLIS = 200;

    private final BatchPlan plan;
    private final BatchHost host;

    public Throttle(BatchPlan plan, BatchHost host) {
        this.plan = plan;
        this.host = host;
    }

    public void awaitGoAhead() {
        if (plan.throttle() == null) {
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        boolean logged = false;
        while (plan.throttle().getAsBoolean()) {
            if (!logged) {
                host.log("throttled: waiting until the throttle condition clears (checking again after up to {})",
                        plan.maxBackoff());
                logged = true;
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(plan.maxBackoff()) > 0 ? plan.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    void pauseAfterBatch() {
        sleep(plan.pause());
    }

    /** Sleeps in short slices so that a cancel request stops the wait, not only a timeout's interrupt. */
    public void sleep(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        for (long left = duration.toMillis(); left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            host.checkCancelled();
            try {
                Thread.sleep(Math.min(left, SLICE_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                host.checkCancelled();
                throw new ScriptCancelledException("interrupted while waiting between batches");
            }
        }
    }
}
