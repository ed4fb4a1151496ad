package dev.scripttracker.internal.batch;

import dev.scripttracker.Batch;
import dev.scripttracker.BatchWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Runs one loop of batches. In {@code BATCH} mode each batch is a transaction holding its work and
 * its checkpoint; a dry run rolls each batch back; in the other modes batches only split the work
 * of the script's own transaction (or of autocommit).
 */
public final class BatchLoop implements BatchLoops {

    private final BatchHost host;

    public BatchLoop(BatchHost host) {
        this.host = host;
    }

    @Override
    public <T> long run(BatchSource<T> source, BatchPlan plan, BatchWork<T> work) {
        int loop = host.enterLoop();
        try {
            LoopStart loopStart = LoopStart.of(host, loop, source);
            Optional<Long> finished = loopStart.finishedEarlier(host, source);
            if (finished.isPresent()) {
                return finished.get();
            }
            String fingerprint = loopStart.fingerprint();
            Optional<Checkpoint> resume = loopStart.resume();
            resume.ifPresent(r -> requireSameSource(r, fingerprint, source));
            Checkpoint start = resume.orElse(Checkpoint.start(loop, fingerprint));
            source.validate(host.handle());
            source.resumeAfter(start.after());
            if (resume.isPresent()) {
                host.log("resuming batch loop {} after batch {} ({} items done){}", loop, start.batch(), start.done(),
                        start.after().isEmpty() ? "" : ", after " + start.after());
            }
            return iterate(source, plan, work, start);
        } finally {
            host.exitLoop();
            if (source instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    private static void requireSameSource(Checkpoint resume, String fingerprint, BatchSource<?> source) {
        if (!resume.source().equals(fingerprint)) {
            throw new IllegalStateException("this run would resume batch loop " + resume.loop() + " after batch "
                    + resume.batch() + " (" + resume.done() + " items done), but that checkpoint was saved for a"
                    + " different source: the query, its bindings, the list, the file or the run's parameters changed"
                    + " since (now: " + source.describe() + "). Nothing was written. Run it as before to resume, or"
                    + " run it with --restart (RunOptions.withRestart()) to start over from the first batch.");
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
            Checkpoint finished = checkpoint.finish();
            String text = finished.encode();
            host.saveCheckpoint(handle, finished, text, true, false);
            host.committed(text);
        }
        return checkpoint.done();
    }

    /** @return the checkpoint after the batch; empty when there was nothing left */
    private <T> Optional<Checkpoint> runBatch(BatchSource<T> source, BatchPlan plan, BatchWork<T> work,
            Checkpoint before, LoopRate progress) {
        Handle handle = host.handle();
        boolean ownTransaction = host.checkpointed();
        Savepoint savepoint = null;
        if (ownTransaction) {
            handle.begin();
        } else if (host.dryRun()) {
            savepoint = savepoint(handle);
        }
        try {
            List<T> items = source.next(handle, plan.size());
            if (items.isEmpty()) {
                endBatch(handle, ownTransaction, savepoint);
                return Optional.empty();
            }
            Checkpoint after = before.next(items.size(), source.position());
            String text = after.encode(); // before the work: a key too long for a checkpoint must not cost a batch
            work.process(new Batch<>(before.batch() + 1, before.done(), items), handle);
            host.batchWorkDone();
            if (ownTransaction) {
                host.saveCheckpoint(handle, after, text, progress.dueForSaving(after.done()), true);
            }
            endBatch(handle, ownTransaction, savepoint);
            if (ownTransaction) {
                host.committed(text);
            }
            batchEnded(ownTransaction, savepoint, ownTransaction);
            return Optional.of(after);
        } catch (RuntimeException | Error e) {
            undoBatch(handle, ownTransaction, savepoint);
            batchEnded(ownTransaction, savepoint, false);
            throw e;
        } catch (Exception e) {
            undoBatch(handle, ownTransaction, savepoint);
            batchEnded(ownTransaction, savepoint, false);
            throw new BatchFailedException(before.batch() + 1, e);
        }
    }

    /** Only a batch that was a transaction (or a savepoint) of its own ended: in SCRIPT mode the work goes on. */
    private void batchEnded(boolean ownTransaction, Savepoint savepoint, boolean committed) {
        if (ownTransaction || savepoint != null) {
            host.batchEnded(committed);
        }
    }

    private static Savepoint savepoint(Handle handle) {
        try {
            return handle.getConnection().setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("could not set a savepoint for the dry run's batch: " + e.getMessage(), e);
        }
    }

    private void endBatch(Handle handle, boolean ownTransaction, Savepoint savepoint) {
        if (ownTransaction) {
            handle.commit();
        } else if (savepoint != null) {
            undoToSavepoint(handle.getConnection(), savepoint);
        }
    }

    private void undoBatch(Handle handle, boolean ownTransaction, Savepoint savepoint) {
        try {
            if (ownTransaction) {
                handle.rollback();
            } else if (savepoint != null) {
                undoToSavepoint(handle.getConnection(), savepoint);
            }
        } catch (RuntimeException connectionGone) {
            // The server rolls back the transaction of a dead connection by itself.
        }
    }

    /** Rolls the dry run's batch back and releases its savepoint, so that they do not pile up. */
    private static void undoToSavepoint(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("could not roll the dry run's batch back: " + e.getMessage(), e);
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
