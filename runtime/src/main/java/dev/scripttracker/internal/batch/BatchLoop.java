package dev.scripttracker.internal.batch;

import dev.scripttracker.Batch;
import dev.scripttracker.BatchWork;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Runs one loop of batches. In {@code BATCH} mode each batch is a transaction holding its work and
 * its checkpoint; a dry run rolls each batch back; in the other modes batches only split the work
 * of the script's own transaction (or of autocommit).
 */
public final class BatchLoop implements BatchLoops {

    private static final String SAVEPOINT = "st_batch";

    private final BatchHost host;

    public BatchLoop(BatchHost host) {
        this.host = host;
    }

    @Override
    public <T> long run(BatchSource<T> source, BatchPlan plan, BatchWork<T> work) {
        int loop = host.nextLoop();
        Optional<Checkpoint> resume = host.resumePoint().filter(r -> r.loop() >= loop);
        if (resume.isPresent() && (resume.get().loop() > loop || resume.get().finished())) {
            host.log("batch loop {} over {} finished in an earlier attempt; not run again", loop, source.describe());
            return resume.get().loop() == loop ? resume.get().done() : 0;
        }
        Checkpoint start = resume.orElse(Checkpoint.start(loop));
        try {
            source.validate(host.handle());
            source.resumeAfter(start.after());
            if (resume.isPresent()) {
                host.log("resuming batch loop {} after batch {} ({} items done){}", loop, start.batch(), start.done(),
                        start.after().isEmpty() ? "" : ", after " + start.after());
            }
            return iterate(source, plan, work, start);
        } finally {
            if (source instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    private <T> long iterate(BatchSource<T> source, BatchPlan plan, BatchWork<T> work, Checkpoint start) {
        Handle handle = host.handle();
        long total = plan.total() >= 0 ? plan.total() : plan.count() ? start.done() + source.countRemaining(handle) : 0;
        LoopRate progress = new LoopRate(start.done());
        Throttle throttle = new Throttle(plan, host);
        Checkpoint checkpoint = start;
        host.progress(start.done(), total, 0);
        while (true) {
            host.checkCancelled();
            throttle.awaitGoAhead();
            Optional<Checkpoint> next = runBatch(source, plan, work, checkpoint, progress);
            if (next.isEmpty()) {
                break;
            }
            checkpoint = next.get();
            host.progress(checkpoint.done(), total, progress.rate());
            throttle.pauseAfterBatch();
        }
        if (host.checkpointed()) {
            host.saveCheckpoint(handle, checkpoint.finish(), true);
        }
        return checkpoint.done();
    }

    /** @return the checkpoint after the batch; empty when there was nothing left */
    private <T> Optional<Checkpoint> runBatch(BatchSource<T> source, BatchPlan plan, BatchWork<T> work,
            Checkpoint before, LoopRate progress) {
        Handle handle = host.handle();
        boolean ownTransaction = host.checkpointed();
        if (ownTransaction) {
            handle.begin();
        } else if (host.dryRun()) {
            handle.savepoint(SAVEPOINT);
        }
        try {
            List<T> items = source.next(handle, plan.size());
            if (items.isEmpty()) {
                endBatch(handle, ownTransaction);
                return Optional.empty();
            }
            work.process(new Batch<>(before.batch() + 1, before.done(), items), handle);
            Checkpoint after = before.next(items.size(), source.position());
            if (ownTransaction) {
                host.saveCheckpoint(handle, after, progress.dueForSaving(after.done()));
            }
            endBatch(handle, ownTransaction);
            return Optional.of(after);
        } catch (RuntimeException | Error e) {
            undoBatch(handle, ownTransaction);
            throw e;
        } catch (Exception e) {
            undoBatch(handle, ownTransaction);
            throw new BatchFailedException(before.batch() + 1, e);
        }
    }

    private void endBatch(Handle handle, boolean ownTransaction) {
        if (ownTransaction) {
            handle.commit();
        } else if (host.dryRun()) {
            handle.rollbackToSavepoint(SAVEPOINT);
        }
    }

    private void undoBatch(Handle handle, boolean ownTransaction) {
        try {
            if (ownTransaction) {
                handle.rollback();
            } else if (host.dryRun()) {
                handle.rollbackToSavepoint(SAVEPOINT);
            }
        } catch (RuntimeException connectionGone) {
            // The server rolls back the transaction of a dead connection by itself.
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // read-only sources lose nothing
        }
    }
}
