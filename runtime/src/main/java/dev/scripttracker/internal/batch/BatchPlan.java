package dev.scripttracker.internal.batch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a batch loop runs: its size, progress total, pause and throttle.
 *
 * @param total the estimated number of items; negative when unknown
 * @param throttle null when the loop is not throttled
 */
public record BatchPlan(int size, boolean count, long total, Duration pause, BooleanSupplier throttle,
        Duration maxBackoff) {

    public static BatchPlan defaults(int size) {
        return new BatchPlan(size, false, -1, Duration.ZERO, null, Duration.ZERO);
    }

    public BatchPlan withSize(int newSize) {
        return new BatchPlan(newSize, count, total, pause, throttle, maxBackoff);
    }

    public BatchPlan withCount() {
        return new BatchPlan(size, true, total, pause, throttle, maxBackoff);
    }

    public BatchPlan withTotal(long estimate) {
        return new BatchPlan(size, count, estimate, pause, throttle, maxBackoff);
    }

    public BatchPlan withPause(Duration newPause) {
        return new BatchPlan(size, count, total, newPause, throttle, maxBackoff);
    }

    public BatchPlan withThrottle(BooleanSupplier condition, Duration backoff) {
        return new BatchPlan(size, count, total, pause, condition, backoff);
    }
}
