package dev.scripttracker.internal.parallel;

import dev.scripttracker.internal.batch.BatchHost;

/** The progress of a parallel loop: items and batches summed over its workers, and the rate of this attempt. */
final class LoopProgress {

    private final BatchHost host;
    private final long doneAtStart;
    private final long startedNanos = System.nanoTime();
    private long total;
    private long done;
    private long batches;

    LoopProgress(BatchHost host, long doneAtStart, long total) {
        this.host = host;
        this.doneAtStart = doneAtStart;
        this.done = doneAtStart;
        this.total = total;
        host.progress(done, total, 0);
    }

    synchronized long nextBatch() {
        return ++batches;
    }

    synchronized long done() {
        return done;
    }

    /** The items done over every process, as the chunks say. */
    synchronized void setDone(long items) {
        done = Math.max(done, items);
        total = Math.max(total, done);
        host.progress(done, total, rate());
    }

    private double rate() {
        long elapsed = System.nanoTime() - startedNanos;
        return elapsed <= 0 ? 0 : (done - doneAtStart) * 1e9 / elapsed;
    }

    synchronized void add(long items) {
        done += items;
        total = Math.max(total, done);
        host.progress(done, total, rate());
    }
}
