package dev.scripttracker.internal.batch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a batch loop runs: its size, progress total, pause and throttle.
 *
 * @param total the estimated number of items; negative when unknown
 * @param throttle null when the loop is not throttled
 * @param workers 0 for one loop on the script's own connection; otherwise the loop is split into chunks
 *     that this many workers of this process (and those of any other process running the script) share
 */
public record BatchPlan(int size, boolean count, long total, Duration pause, BooleanSupplier throttle,
        Duration maxBackoff, int workers) {

    public static BatchPlan defaults(int size) {
        return new BatchPlan(size, false, -1, Duration.ZERO, null, Duration.ZERO, 0);
    }

    public BatchPlan withSize(int newSize) {
        return new BatchPlan(newSize, count, total, pause, throttle, maxBackoff, workers);
    }

    public BatchPlan withCount() {
        return new BatchPlan(size, true, total, pause, throttle, maxBackoff, workers);
    }

    public BatchPlan withTotal(long estimate) {
        return new BatchPlan(size, count, estimate, pause, throttle, maxBackoff, workers);
    }

    public BatchPlan withPause(Duration newPause) {
        return new BatchPlan(size, count, total, newPause, throttle, maxBackoff, workers);
    }

    public BatchPlan withWorkers(int count) {
        return new BatchPlan(size, this.count, total, pause, throttle, maxBackoff, count);
    }

    public BatchPlan withThrottle(BooleanSupplier condition, Duration backoff) {
        return new BatchPlan(size, count, total, pause, condition, backoff, workers);
    }
}
