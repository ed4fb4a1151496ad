package dev.scripttracker.test.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a {@code BATCH} run fail at batch k: the k-th batch checkpoint saved while it is armed fails instead
 * of reaching the database, so batch k's work rolls back with it, as a crash before its commit would.
 * Batches 1 to k-1 stay committed.
 */
public final class BatchFault {

    private final int failAtBatch;
    private final AtomicInteger checkpoints = new AtomicInteger();
    private volatile boolean fired;

    public BatchFault(int failAtBatch) {
        if (failAtBatch < 1) {
            throw new IllegalArgumentException("failAtBatch must be 1 or more (the first batch is 1), was " + failAtBatch);
        }
        this.failAtBatch = failAtBatch;
    }

    /** Counts a batch checkpoint about to be saved; true when this one must fail. */
    boolean failsNow() {
        boolean fails = checkpoints.incrementAndGet() == failAtBatch;
        fired |= fails;
        return fails;
    }

    public boolean fired() {
        return fired;
    }

    /** How many batch checkpoints the run saved, the failed one included. */
    public int checkpointsSeen() {
        return checkpoints.get();
    }

    public int failAtBatch() {
        return failAtBatch;
    }

    String message() {
        return "script-tracker test kit: injected failure at batch " + failAtBatch
                + " (its checkpoint was not saved, so its work rolls back)";
    }
}
