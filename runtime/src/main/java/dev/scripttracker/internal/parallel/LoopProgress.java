package dev.scripttracker.internal.parallel;

import dev.scripttracker.internal.batch.BatchHost;

/**
 * The progress of a parallel loop and the rate of this attempt: the items this process's workers did,
 * or, once read from the chunks, the items every process's workers committed, whichever is more. The
 * two are never added, so an item a worker here committed just before the chunks were read is not
 * counted twice.
 */
final class LoopProgress {

    private final BatchHost host;
    private final long doneAtStart;
    private final long startedNanos = System.nanoTime();
    private long total;
    private long doneHere;
    private long doneInStore;
    private long batches;

    LoopProgress(BatchHost host, long doneAtStart, long total) {
        this.host = host;
        this.doneAtStart = doneAtStart;
        this.doneHere = doneAtStart;
        this.total = total;
        host.progress(doneAtStart, total, 0);
    }

    synchronized long nextBatch() {
        return ++batches;
    }

    synchronized long done() {
        return Math.max(doneHere, doneInStore);
    }

    /** The items this process's workers did in this attempt. */
    synchronized long doneHere() {
        return doneHere - doneAtStart;
    }

    /** The items done over every process, as the chunks say. */
    synchronized void seenInStore(long items) {
        doneInStore = Math.max(doneInStore, items);
        report();
    }

    synchronized void add(long items) {
        doneHere += items;
        report();
    }

    private void report() {
        long done = done();
        total = Math.max(total, done);
        long elapsed = System.nanoTime() - startedNanos;
        host.progress(done, total, elapsed <= 0 ? 0 : (done - doneAtStart) * 1e9 / elapsed);
    }
}
