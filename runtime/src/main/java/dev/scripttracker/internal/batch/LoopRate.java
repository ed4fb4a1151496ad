package dev.scripttracker.internal.batch;

import java.util.concurrent.TimeUnit;

/** The rate of one attempt's loop, and when its progress is due to be saved (at most once a second). */
final class LoopRate {

    private static final long SAVE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long startedNanos = System.nanoTime();
    private final long doneAtStart;
    private long done;
    private long lastSaved = startedNanos - SAVE_EVERY_NANOS;

    LoopRate(long doneAtStart) {
        this.doneAtStart = doneAtStart;
        this.done = doneAtStart;
    }

    boolean dueForSaving(long doneNow) {
        done = doneNow;
        long now = System.nanoTime();
        if (now - lastSaved < SAVE_EVERY_NANOS) {
            return false;
        }
        lastSaved = now;
        return true;
    }

    /** Items per second in this attempt. */
    double rate() {
        long elapsed = System.nanoTime() - startedNanos;
        return elapsed <= 0 ? 0 : (done - doneAtStart) * 1e9 / elapsed;
    }
}
