package dev.scripttracker.internal.parallel;

import dev.scripttracker.Batch;
import dev.scripttracker.BatchWork;
import dev.scripttracker.ScriptCancelledException;
import dev.scripttracker.WorkConnectionBinder;
import dev.scripttracker.internal.batch.BatchFailedException;
import dev.scripttracker.internal.batch.BatchHost;
import dev.scripttracker.internal.batch.BatchPlan;
import dev.scripttracker.internal.batch.BatchSource;
import dev.scripttracker.internal.batch.SplittableSource;
import dev.scripttracker.internal.batch.Throttle;
import dev.scripttracker.internal.jdbc.FailureText;
import dev.scripttracker.internal.store.ChunkStore.Chunk;
import dev.scripttracker.internal.store.ChunkStore.Saved;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;

/**
 * One worker of a parallel loop: on a connection of its own, claims a chunk, runs its batches (each
 * committed with the chunk's position, only while the chunk is still this worker's and the run still
 * running), then the next chunk, until none is left, another worker failed, or the run was stopped.
 */
final class ChunkWorker<T> {

    /** What the workers of one loop share. */
    static final class Loop<T> {

        private final BatchHost host;
        private final ChunkedRun run;
        private final int number;
        private final SplittableSource<T> source;
        private final BatchPlan plan;
        private final BatchWork<T> work;
        private final LoopProgress progress;
        private final Throttle throttle;
        private final SharedPause pause;
        private volatile boolean stopped;

        Loop(BatchHost host, ChunkedRun run, int number, SplittableSource<T> source, BatchPlan plan,
                BatchWork<T> work, LoopProgress progress) {
            this.host = host;
            this.run = run;
            this.number = number;
            this.source = source;
            this.plan = plan;
            this.work = work;
            this.progress = progress;
            this.throttle = new Throttle(plan, host);
            this.pause = new SharedPause(plan.pause());
        }

        void stop() {
            stopped = true;
        }

        boolean isStopped() {
            return stopped;
        }

        int number() {
            return number;
        }

        LoopProgress progress() {
            return progress;
        }

        SharedPause pause() {
            return pause;
        }
    }

    /** Lost connections in a row (no chunk finished in between) after which the worker gives up. */
    private static final int MAX_LOST_CONNECTIONS = 3;

    private final Loop<T> loop;
    private final String name;
    private final AtomicReference<Throwable> failure;
    /** The container's view of this worker's connection, on this worker's thread. */
    private WorkConnectionBinder.Binding binding = WorkConnectionBinder.Binding.NOTHING;

    ChunkWorker(Loop<T> loop, String name, AtomicReference<Throwable> failure) {
        this.loop = loop;
        this.name = name;
        this.failure = failure;
    }

    void run() {
        Handle handle = null;
        int lostInARow = 0;
        try {
            handle = loop.run.database().open();
            binding = loop.host.bindWorker(handle.getConnection());
            while (true) {
                try {
                    Optional<Chunk> chunk = claim(handle);
                    if (chunk.isEmpty()) {
                        return;
                    }
                    runChunk(handle, chunk.get());
                    lostInARow = 0;
                } catch (RuntimeException e) {
                    // A killed session or a dropped connection costs only the batch it was in, which the server
                    // rolled back: the worker gives its chunk back on a new connection and goes on.
                    if (!FailureText.lostConnection(e) || ++lostInARow > MAX_LOST_CONNECTIONS) {
                        throw e;
                    }
                    loop.host.log("worker {} lost its database connection ({}); its batch was rolled back, and it"
                            + " goes on with a new connection", name, e.getMessage());
                    unbind();
                    closeQuietly(handle);
                    handle = loop.run.database().open();
                    releaseAndKeep(handle);
                    binding = loop.host.bindWorker(handle.getConnection());
                }
            }
        } catch (Throwable t) {
            if (failure.compareAndSet(null, t)) {
                loop.stop();
            }
        } finally {
            unbind();
            if (handle != null) {
                releaseAndClose(handle);
            }
        }
    }

    private void unbind() {
        try {
            binding.close();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            binding = WorkConnectionBinder.Binding.NOTHING;
        }
    }

    private boolean goesOn() {
        if (loop.stopped || failure.get() != null) {
            return false;
        }
        loop.host.checkCancelled();
        return true;
    }

    /**
     * The next free chunk, claimed. Another worker's claim under way may hide a free chunk from this one
     * (it holds the row, or wins the compare-and-set): the worker leaves only when no chunk is free.
     */
    private Optional<Chunk> claim(Handle handle) {
        ChunkedRun run = loop.run;
        while (goesOn()) {
            Instant now = run.clock().instant();
            Optional<Chunk> claimed = handle.inTransaction(h -> run.chunks().claim(h, run.scriptId(), loop.number,
                    run.runId(), name, now, now.plus(run.lease())));
            if (claimed.isPresent() || run.chunks().loopState(handle, run.scriptId(), loop.number, now).free() == 0) {
                return claimed;
            }
            loop.throttle.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextInt(2, 20)));
        }
        return Optional.empty();
    }

    private void runChunk(Handle handle, Chunk chunk) {
        BatchSource<T> range = loop.source.range(chunk.lastPosition(), chunk.endAt());
        long itemsDone = chunk.itemsDone();
        long batchesDone = chunk.batchesDone();
        boolean last = false;
        while (!last && goesOn()) {
            loop.throttle.awaitGoAhead();
            loop.pause.awaitTurn(loop.throttle::sleep);
            long batch = 0;
            handle.begin();
            try {
                List<T> items = range.next(handle, loop.plan.size());
                last = items.size() < loop.plan.size() || range.position().equals(chunk.endAt());
                if (!items.isEmpty()) {
                    batch = loop.progress.nextBatch();
                    loop.work.process(new Batch<>(batch, loop.progress.done(), items), handle);
                    binding.flush();
                    itemsDone += items.size();
                    batchesDone++;
                }
                Saved saved = loop.run.chunks().save(handle, loop.run.chunks().update(loop.run.scriptId(), loop.number,
                        chunk.number(), loop.run.runId(), name, range.position(), itemsDone, batchesDone, last), true);
                if (saved == Saved.LOST) {
                    handle.rollback();
                    loop.host.runLost("another process declared this run interrupted before batch " + batch
                            + " (chunk " + chunk.number() + ") committed; that batch was rolled back");
                }
                handle.commit();
                binding.batchEnded(true);
                if (saved == Saved.CANCEL_REQUESTED) {
                    loop.host.cancelRequested();
                }
                loop.progress.add(items.size());
            } catch (RuntimeException | Error e) {
                rollbackQuietly(handle);
                binding.batchEnded(false);
                recordFailure(handle, chunk, e);
                throw e;
            } catch (Exception e) {
                rollbackQuietly(handle);
                binding.batchEnded(false);
                BatchFailedException failed = new BatchFailedException(batch, e);
                recordFailure(handle, chunk, failed);
                throw failed;
            }
        }
    }

    /**
     * A batch that failed fails its chunk, for every process to see: the run's own process fails the run
     * with it. A lost connection (the worker goes on with a new one) and a cancel or lost run are no such failure.
     */
    private void recordFailure(Handle handle, Chunk chunk, Throwable failure) {
        if (failure instanceof ScriptCancelledException || FailureText.lostConnection(failure)) {
            return;
        }
        try {
            handle.useTransaction(h -> loop.run.chunks().fail(h, loop.run.scriptId(), loop.number, chunk.number(), name,
                    "batch loop " + loop.number + ", chunk " + chunk.number() + ": " + FailureText.of(failure)));
        } catch (RuntimeException connectionGone) {
            // its lease runs out instead, and another worker takes the chunk up again
        }
    }

    private static void rollbackQuietly(Handle handle) {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException connectionGone) {
            // The server rolls back the transaction of a dead connection by itself.
        }
    }

    /** A chunk left unfinished goes back at once; if that fails, its lease runs out and another worker takes it. */
    private void releaseAndClose(Handle handle) {
        releaseAndKeep(handle);
        closeQuietly(handle);
    }

    private void releaseAndKeep(Handle handle) {
        rollbackQuietly(handle);
        try {
            handle.useTransaction(h -> loop.run.chunks().release(h, loop.run.scriptId(), loop.number, name));
        } catch (RuntimeException connectionGone) {
            // the lease expires instead
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException alreadyClosed) {
            // nothing left to close
        }
    }
}
