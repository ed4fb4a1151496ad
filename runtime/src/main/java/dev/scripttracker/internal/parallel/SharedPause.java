package dev.scripttracker.internal.parallel;

import dev.scripttracker.internal.batch.Throttle;
import java.time.Duration;

/**
 * The loop's pause between batches, kept for the loop as a whole rather than per worker: batches start
 * at least the pause apart, whichever worker runs them, so that more workers do not multiply the load
 * that the pause was meant to bound.
 */
final class SharedPause {

    private final long pauseNanos;
    private long nextStart = System.nanoTime();

    SharedPause(Duration pause) {
        this.pauseNanos = pause.toNanos();
    }

    void awaitTurn(Throttle waits) {
        if (pauseNanos == 0) {
            return;
        }
        long start;
        synchronized (this) {
            start = Math.max(System.nanoTime(), nextStart);
            nextStart = start + pauseNanos;
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            waits.sleep(Duration.ofNanos(wait));
        }
    }
}
