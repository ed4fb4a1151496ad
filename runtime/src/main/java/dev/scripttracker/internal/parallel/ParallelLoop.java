package dev.scripttracker.internal.parallel;

import dev.scripttracker.BatchWork;
import dev.scripttracker.internal.batch.BatchHost;
import dev.scripttracker.internal.batch.BatchLoop;
import dev.scripttracker.internal.batch.BatchLoops;
import dev.scripttracker.internal.batch.BatchPlan;
import dev.scripttracker.internal.batch.BatchSource;
import dev.scripttracker.internal.batch.Checkpoint;
import dev.scripttracker.internal.batch.ChunkCuts;
import dev.scripttracker.internal.batch.LoopStart;
import dev.scripttracker.internal.batch.SplittableSource;
import dev.scripttracker.internal.batch.Throttle;
import dev.scripttracker.internal.store.ChunkStore.Chunk;
import dev.scripttracker.internal.store.ChunkStore.LoopState;
import dev.scripttracker.internal.store.ChunkStore.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Runs a batch loop that has {@code workers(n)}: its items are cut into chunks recorded in the store
 * (planned once per run, adopted by a run that resumes), and workers, each a thread with a connection
 * of its own, claim chunks and run their batches until none is left. The loop ends when every chunk is
 * done; a failing worker stops the others at their next batch and fails the loop with its error.
 */
public final class ParallelLoop implements BatchLoops {

    /** How often the run's own process looks whether other processes' workers are done. */
    private static final Duration OTHERS_POLL = Duration.ofMillis(200);
    /** How often the run's own process reads the items every process's workers did, while its own work. */
    private static final Duration PROGRESS_POLL = Duration.ofSeconds(1);

    private final BatchHost host;
    private final ChunkedRun run;
    private boolean chunksUnread;

    public ParallelLoop(BatchHost host, ChunkedRun run) {
        this.host = host;
        this.run = run;
    }

    @Override
    public <T> long run(BatchSource<T> source, BatchPlan plan, BatchWork<T> work) {
        if (host.dryRun()) {
            host.log("dry run: the loop with workers({}) runs on one connection, every batch rolled back", plan.workers());
            return new BatchLoop(host).run(source, plan.withWorkers(0), work);
        }
        if (!host.checkpointed()) {
            throw new IllegalStateException("workers(" + plan.workers() + ") needs @TrackedScript(transaction ="
                    + " Transaction.BATCH): each worker commits its batches with its chunk's position, which only"
                    + " BATCH mode does. Set transaction = BATCH, or remove workers(...) to run the loop in the"
                    + " script's own transaction.");
        }
        if (!(source instanceof SplittableSource<T> splittable)) {
            throw new IllegalStateException(source.describe() + " cannot be shared between workers (a file is read"
                    + " from its start): use a batch query or a list with workers(...), or remove workers(...)");
        }
        int loop = host.enterLoop();
        try {
            LoopStart loopStart = LoopStart.of(host, loop, source);
            Optional<Long> finishedEarlier = loopStart.finishedEarlier(host, source);
            if (finishedEarlier.isPresent()) {
                return finishedEarlier.get();
            }
            String fingerprint = loopStart.fingerprint();
            boolean resuming = loopStart.resume().isPresent();
            Handle handle = host.handle();
            source.validate(handle);
            int workers = run.workers() > 0 ? run.workers() : plan.workers();
            Chunks chunks = chunks(handle, splittable, plan, fingerprint, loop, resuming, workers);
            Checkpoint started = new Checkpoint(loop, fingerprint, 0, chunks.done(), "", false);
            host.saveCheckpoint(handle, started, started.encode(), true, false);
            host.committed(started.encode());
            LoopProgress progress = new LoopProgress(host, chunks.done(), plan.total() >= 0 ? plan.total()
                    : chunks.total());
            ChunkWorker.Loop<T> shared = new ChunkWorker.Loop<>(host, run, loop, splittable, plan, work, progress);
            runWorkers(shared, workers, () -> watchOtherProcesses(handle, shared));
            long done = awaitOtherProcesses(handle, shared, workers);
            Checkpoint finished = new Checkpoint(loop, fingerprint, 0, done, "", true);
            host.saveCheckpoint(handle, finished, finished.encode(), true, false);
            host.committed(finished.encode());
            return done;
        } finally {
            host.exitLoop();
        }
    }

    /**
     * Joins the loop that another process runs under the same run: its workers claim chunks of the
     * recorded plan until none is left, and plan nothing, save no checkpoint of the run's.
     *
     * @return the items this process's workers did
     */
    public <T> long join(BatchSource<T> source, BatchPlan plan, BatchWork<T> work, int loop) {
        if (!(source instanceof SplittableSource<T> splittable)) {
            throw new IllegalStateException(source.describe() + " cannot be shared between workers");
        }
        int number = host.enterLoop();
        try {
            String fingerprint = LoopStart.of(host, number, source).fingerprint();
            Handle handle = host.handle();
            Optional<Plan> recorded = run.chunks().plan(handle, run.scriptId(), loop);
            if (recorded.isEmpty() || !recorded.get().fingerprint().equals(fingerprint)) {
                throw new IllegalStateException("this process would join batch loop " + loop + " of the running"
                        + " script, but its source differs from the one the loop was planned for (now: "
                        + source.describe() + "; check the parameters and deploy the same version everywhere)."
                        + " Nothing was written.");
            }
            int workers = run.workers() > 0 ? run.workers() : plan.workers();
            host.log("joining batch loop {} over {} with {} workers in this process", loop, source.describe(), workers);
            long doneAtJoin = recorded.get().chunks().stream().mapToLong(Chunk::itemsDone).sum();
            LoopProgress progress = new LoopProgress(host, doneAtJoin, plan.total() >= 0 ? plan.total()
                    : splittable.countAll(handle));
            ChunkWorker.Loop<T> joined = new ChunkWorker.Loop<>(host, run, loop, splittable, plan, work, progress);
            runWorkers(joined, workers, () -> watchAsJoined(handle, joined));
            return progress.doneHere();
        } finally {
            host.exitLoop();
        }
    }

    /**
     * Once this process's workers find no chunk left, waits for those that workers of other processes
     * hold, taking over any that come free (a worker failed, or its process died and its lease ran out).
     *
     * @return the items the loop's chunks have done, over every process
     */
    private <T> long awaitOtherProcesses(Handle handle, ChunkWorker.Loop<T> loop, int workers) {
        Throttle waits = new Throttle(BatchPlan.defaults(1), host);
        while (true) {
            host.checkCancelled();
            if (loop.isStopped()) {
                throw new IllegalStateException("interrupted while other processes' workers finished their chunks");
            }
            LoopState state = run.chunks().loopState(handle, run.scriptId(), loop.number(), run.clock().instant());
            loop.progress().seenInStore(state.itemsDone());
            Optional<RuntimeException> failed = failureElsewhere(handle, loop, state);
            if (failed.isPresent()) {
                throw failed.get();
            }
            if (state.open() == 0) {
                return state.itemsDone();
            }
            if (state.free() > 0) {
                runWorkers(loop, workers, () -> watchOtherProcesses(handle, loop));
            } else {
                waits.sleep(OTHERS_POLL);
            }
        }
    }

    private record Chunks(long done, long total) {
    }

    /** The loop's chunks for this run: those of the attempt it resumes, or a new plan. */
    private <T> Chunks chunks(Handle handle, SplittableSource<T> source, BatchPlan plan, String fingerprint, int loop,
            boolean resuming, int workers) {
        Optional<Plan> recorded = resuming ? run.chunks().plan(handle, run.scriptId(), loop)
                : Optional.empty();
        if (recorded.isPresent()) {
            if (!recorded.get().fingerprint().equals(fingerprint)) {
                throw new IllegalStateException("this run would resume the chunks of batch loop " + loop + ", but they"
                        + " were planned for a different source: the query, its bindings, the list or the run's"
                        + " parameters changed since (now: " + source.describe() + "). Nothing was written. Run it as"
                        + " before to resume, or with --restart (RunOptions.withRestart()) to start over.");
            }
            handle.useTransaction(h -> run.chunks().adopt(h, run.scriptId(), loop, run.runId()));
            List<Chunk> chunks = recorded.get().chunks();
            long done = chunks.stream().mapToLong(Chunk::itemsDone).sum();
            long left = plan.count() ? remaining(handle, source, chunks) : 0;
            host.log("resuming batch loop {}: {} of {} chunks done, {} items done", loop,
                    chunks.stream().filter(Chunk::done).count(), chunks.size(), done);
            return new Chunks(done, done + left);
        }
        long count = source.countAll(handle);
        ChunkCuts cuts = ChunkSizing.cuts(count, plan.size(), workers);
        List<String> boundaries = source.boundaries(handle, cuts);
        handle.useTransaction(h -> run.chunks().replace(h, run.scriptId(), loop, run.runId(), fingerprint, boundaries));
        host.log("batch loop {} over {}: {} items in {} chunks of {} batches, {} workers in this process", loop,
                source.describe(), count, boundaries.size() + 1, cuts.step() / plan.size()
                        + (cuts.longChunks() > 0 ? "-" + cuts.longStep() / plan.size() : ""), workers);
        return new Chunks(0, count);
    }

    private static <T> long remaining(Handle handle, SplittableSource<T> source, List<Chunk> chunks) {
        long left = 0;
        for (Chunk chunk : chunks) {
            if (!chunk.done()) {
                left += source.range(chunk.lastPosition(), chunk.endAt()).countRemaining(handle);
            }
        }
        return left;
    }

    /**
     * The run's own process, while its workers run: the progress of every process, and a chunk that failed in
     * another process's worker, which fails the run with that chunk's error.
     */
    private <T> Optional<RuntimeException> watchOtherProcesses(Handle handle, ChunkWorker.Loop<T> loop) {
        LoopState state = run.chunks().loopState(handle, run.scriptId(), loop.number(), run.clock().instant());
        loop.progress().seenInStore(state.itemsDone());
        paceWithOtherProcesses(handle, loop);
        return failureElsewhere(handle, loop, state);
    }

    /** A joined process's bar shows the whole run's progress too, and its pace is shared with the others. */
    private <T> Optional<RuntimeException> watchAsJoined(Handle handle, ChunkWorker.Loop<T> loop) {
        loop.progress().seenInStore(run.chunks().loopState(handle, run.scriptId(), loop.number(), run.clock().instant())
                .itemsDone());
        return paceWithOtherProcesses(handle, loop);
    }

    /** {@code pauseBetween} bounds the run's pace, not each process's: the processes at work share it. */
    private <T> Optional<RuntimeException> paceWithOtherProcesses(Handle handle, ChunkWorker.Loop<T> loop) {
        if (loop.pause().pauses()) {
            loop.pause().processesAtWork(run.chunks().processesAtWork(handle, run.scriptId(), loop.number(),
                    run.clock().instant()));
        }
        return Optional.empty();
    }

    private <T> Optional<RuntimeException> failureElsewhere(Handle handle, ChunkWorker.Loop<T> loop, LoopState state) {
        if (state.failed() == 0) {
            return Optional.empty();
        }
        return run.chunks().failureOutside(handle, run.scriptId(), loop.number(), run.process())
                .map(failure -> new IllegalStateException("a worker of another process failed " + failure
                        + "; this process's workers stopped at their next batch, the other processes' workers stop"
                        + " at theirs, and the next run resumes every unfinished chunk after its last committed batch"));
    }

    /**
     * @param watch runs on this thread about once a {@link #PROGRESS_POLL} while the workers run; a failure it
     *     returns stops the workers and fails the loop
     */
    private <T> void runWorkers(ChunkWorker.Loop<T> loop, int workers, Supplier<Optional<RuntimeException>> watch) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= workers; i++) {
            ChunkWorker<T> worker = new ChunkWorker<>(loop, run.workerName(i), failure);
            Thread thread = new Thread(worker::run, "script-tracker-worker-" + run.process().substring(0, 8) + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join(PROGRESS_POLL.toMillis());
                    if (thread.isAlive()) {
                        watched(watch).ifPresent(failed -> {
                            if (failure.compareAndSet(null, failed)) {
                                loop.stop();
                            }
                        });
                    }
                } catch (InterruptedException e) {
                    // The deadline interrupts the script's thread: the workers stop at their next batch.
                    interrupted = true;
                    loop.stop();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(failure.get());
    }

    /** A failure to read the chunks is the workers' to find, on their own connections. */
    private Optional<RuntimeException> watched(Supplier<Optional<RuntimeException>> watch) {
        try {
            return watch.get();
        } catch (RuntimeException e) {
            if (!chunksUnread) {
                chunksUnread = true;
                host.log("could not read the chunks of the other processes' workers: {}", e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure.getMessage(), failure);
    }
}
