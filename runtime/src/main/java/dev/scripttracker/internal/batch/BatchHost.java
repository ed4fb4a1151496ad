package dev.scripttracker.internal.batch;

import dev.scripttracker.WorkConnectionBinder;
import java.sql.Connection;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What a batch loop needs from the run it belongs to. */
public interface BatchHost {

    Handle handle();

    /** True in {@code BATCH} mode outside dry runs: each batch commits with its checkpoint. */
    boolean checkpointed();

    /** True for dry runs: each batch is rolled back. */
    boolean dryRun();

    /** The checkpoint an earlier attempt committed last, when this run resumes it. */
    Optional<Checkpoint> resumePoint();

    /**
     * Numbers the script's loops 1, 2, ... in the order they run.
     *
     * @throws IllegalStateException when called inside another loop's work: loops cannot be nested
     */
    int enterLoop();

    void exitLoop();

    /** The run's parameters, part of every loop's fingerprint. */
    String parameters();

    /** The batch's work is done and about to be checkpointed or rolled back: the container writes out what it holds back. */
    void batchWorkDone();

    /** The batch's own transaction (or a dry run's savepoint) ended, committed or rolled back. */
    void batchEnded(boolean committed);

    /**
     * Shows a parallel loop's worker connection to the container, on the worker's thread, as the
     * script's own connection is shown on the script's: its batches' container work joins them.
     */
    WorkConnectionBinder.Binding bindWorker(Connection connection);

    /** The batch and its checkpoint (as {@link Checkpoint#encode()} wrote it) have committed. */
    void committed(String encodedCheckpoint);

    /**
     * Writes the checkpoint in the batch's transaction, with the progress when {@code withProgress}.
     * When someone asked to cancel the run meanwhile, the batch still commits and the run stops
     * before the next one. With {@code commit}, the batch's transaction may commit in the same round
     * trip where the database allows it.
     *
     * @throws dev.scripttracker.ScriptCancelledException when the run is no longer this process's
     */
    void saveCheckpoint(Handle handle, Checkpoint checkpoint, String encoded, boolean withProgress, boolean commit);

    /** Another process asked to cancel the run: it stops before its next batch. */
    void cancelRequested();

    /**
     * The run is no longer this process's (another declared it interrupted): stops it.
     *
     * @throws dev.scripttracker.ScriptCancelledException always
     */
    void runLost(String why);

    void progress(long done, long total, double itemsPerSecond);

    void log(String message, Object... args);

    /** @throws dev.scripttracker.ScriptCancelledException when the run was cancelled or timed out */
    void checkCancelled();
}
