package dev.scripttracker.internal.batch;

import dev.scripttracker.BatchWork;

/** Runs batch loops for one script run. */
public interface BatchLoops {

    /** @return the items the loop processed, earlier attempts included */
    <T> long run(BatchSource<T> source, BatchPlan plan, BatchWork<T> work);
}
