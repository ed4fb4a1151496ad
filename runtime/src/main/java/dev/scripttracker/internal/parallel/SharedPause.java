package dev.scripttracker.internal.parallel;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The loop's pause between batches, kept for the run as a whole rather than per worker: batches start
 * at least the pause apart, whichever worker runs them, so that more workers do not multiply the load
 * that the pause was meant to bound. With workers of several processes at work on the loop, each
 * process spaces its batches by the pause times the number of processes, as they last read it from
 * the chunks (about once a second).
 */
final class SharedPause {

    private final long pauseNanos;
    private final LongSupplier nanoTime;
    private long nextStart;
    private volatile int processes = 1;

    SharedPause(Duration pause) {
        this(pause, System::nanoTime);
    }

    SharedPause(Duration pause, LongSupplier nanoTime) {
        this.pauseNanos = pause.toNanos();
        this.nanoTime = nanoTime;
        this.nextStart = nanoTime.getAsLong();
    }

    boolean pauses() {
        return pauseNanos > 0;
    }

    /** How many processes' workers hold chunks of the loop now, this one included. */
    void processesAtWork(int count) {
        processes = Math.max(1, count);
    }

    /** @param sleep waits, and gives up when the run stops ({@code Throttle::sleep}) */
    void awaitTurn(Consumer<Duration> sleep) {
        if (pauseNanos == 0) {
            return;
        }
        long start;
        synchronized (this) {
            start = Math.max(nanoTime.getAsLong(), nextStart);
            nextStart = start + pauseNanos * processes;
        }
        long wait = start - nanoTime.getAsLong();
        if (wait > 0) {
            sleep.accept(Duration.ofNanos(wait));
        }
    }
}
