package dev.scripttracker.internal.run;

import dev.scripttracker.Transaction;
import dev.scripttracker.WorkConnectionBinder;
import dev.scripttracker.BatchWork;
import dev.scripttracker.internal.batch.BatchHost;
import dev.scripttracker.internal.batch.BatchLoop;
import dev.scripttracker.internal.batch.BatchLoops;
import dev.scripttracker.internal.batch.BatchPlan;
import dev.scripttracker.internal.batch.BatchSource;
import dev.scripttracker.internal.batch.Checkpoint;
import dev.scripttracker.internal.parallel.ChunkedRun;
import dev.scripttracker.internal.parallel.ParallelLoop;
import dev.scripttracker.internal.store.StateStore.CheckpointSaved;
import dev.scripttracker.internal.store.StateStore.ProgressSnapshot;
import dev.scripttracker.internal.store.StateStore;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.helpers.MessageFormatter;

/**
 * The batch loops of one attempt: where it resumes, and the checkpoints it commits. Outside
 * {@code BATCH} mode (or in a dry run) nothing is checkpointed.
 */
final class BatchRun implements BatchHost, BatchLoops {

    private final AttemptState ctx;
    private final StateStore store;
    private final Clock clock;
    private final boolean comparesRowValuesWell;
    private final Optional<Checkpoint> resumePoint;
    private final ChunkedRun chunked;
    private volatile boolean inParallelLoop;
    /** For a process that joins another's run: the parallel loop it works on; null otherwise. */
    private Integer joinLoop;
    private int loops;
    private boolean inLoop;
    private final String resumedFrom;
    private volatile String lastCheckpoint;
    private WorkConnectionBinder.Binding binding = WorkConnectionBinder.Binding.NOTHING;
    private WorkConnectionBinder binder = WorkConnectionBinder.NONE;

    /**
     * @param resumedFrom the checkpoint this attempt continues from; null when it starts afresh
     * @param chunked where loops with workers record their chunks and find their connections
     */
    BatchRun(AttemptState ctx, String resumedFrom, StateStore store, Clock clock, boolean comparesRowValuesWell,
            ChunkedRun chunked) {
        this.ctx = ctx;
        this.chunked = chunked;
        this.store = store;
        this.clock = clock;
        this.comparesRowValuesWell = comparesRowValuesWell;
        this.resumePoint = Optional.ofNullable(resumedFrom).map(Checkpoint::decode);
        this.resumedFrom = resumedFrom;
        this.lastCheckpoint = resumedFrom;
    }

    /** Runs a loop: split between workers when it asks for them, otherwise on the attempt's own connection. */
    @Override
    public <T> long run(BatchSource<T> source, BatchPlan plan, BatchWork<T> work) {
        if (joinLoop != null) {
            return joinLoop(source, plan, work);
        }
        if (plan.workers() == 0) {
            return new BatchLoop(this).run(source, plan, work);
        }
        inParallelLoop = true;
        try {
            return new ParallelLoop(this, chunked).run(source, plan, work);
        } finally {
            inParallelLoop = false;
        }
    }

    /** Ends the body of a process that joined another's run, once its workers have no chunk left. */
    static final class JoinedPartDone extends RuntimeException {

        JoinedPartDone(String message) {
            super(message, null, false, false);
        }
    }

    void joinAt(int loop) {
        this.joinLoop = loop;
    }

    /** Whether this attempt joined another process's run (then it holds no lock and records nothing). */
    boolean joins() {
        return joinLoop != null;
    }

    /** The loops before the joined one were the run's own process's; the body ends after it. */
    private <T> long joinLoop(BatchSource<T> source, BatchPlan plan, BatchWork<T> work) {
        int next;
        synchronized (this) {
            next = loops + 1;
        }
        if (next < joinLoop) {
            enterLoop();
            exitLoop();
            log("batch loop {} over {} is done by the process that runs the script; skipped", next, source.describe());
            return 0;
        }
        if (next > joinLoop || plan.workers() == 0) {
            throw new IllegalStateException("this process joined parallel batch loop " + joinLoop + " of script "
                    + ctx.definition().id() + ", but its code has " + (plan.workers() == 0 ? "no workers(...) on"
                    : "no") + " loop " + joinLoop + ": the process that runs it has other code; deploy the same"
                    + " version everywhere");
        }
        inParallelLoop = true;
        try {
            long items = new ParallelLoop(this, chunked).join(source, plan, work, joinLoop);
            throw new JoinedPartDone("joined parallel batch loop " + joinLoop + ": this process's workers did " + items
                    + " items; the process that runs the script records its outcome once every chunk is done");
        } finally {
            inParallelLoop = false;
        }
    }

    /** For the heartbeat: a parallel loop's progress is saved by the heartbeat, its workers' claims renewed. */
    boolean inParallelLoop() {
        return inParallelLoop;
    }

    /** Renews the claims of this attempt's workers. */
    void renewClaims(Handle handle, Instant leaseUntil) {
        if (inParallelLoop) {
            chunked.chunks().renew(handle, chunked.scriptId(), chunked.runId(), chunked.process(), leaseUntil);
        }
    }

    String resumedFrom() {
        return resumedFrom;
    }

    boolean comparesRowValuesWell() {
        return comparesRowValuesWell;
    }

    /** The last committed checkpoint, for the attempt's record; null when there is none. */
    String lastCheckpoint() {
        return lastCheckpoint;
    }

    @Override
    public Handle handle() {
        return ctx.work();
    }

    @Override
    public boolean checkpointed() {
        return ctx.runId() != null && !ctx.isDryRun() && ctx.definition().transaction() == Transaction.BATCH;
    }

    @Override
    public boolean dryRun() {
        return ctx.isDryRun();
    }

    @Override
    public Optional<Checkpoint> resumePoint() {
        return resumePoint;
    }

    @Override
    public synchronized int enterLoop() {
        if (inLoop) {
            throw new IllegalStateException("batch loops cannot be nested: script " + ctx.definition().id()
                    + " called batches(...) inside another loop's work. Each loop commits its own batches, so an"
                    + " inner loop would commit the outer batch half-way. Collect what the inner loop needs in the"
                    + " outer batch's work (e.g. one query with a join), or run the loops one after the other.");
        }
        inLoop = true;
        return ++loops;
    }

    @Override
    public synchronized void exitLoop() {
        inLoop = false;
    }

    synchronized boolean inLoop() {
        return inLoop;
    }

    @Override
    public String parameters() {
        return ctx.resolvedParameters().identity();
    }

    /**
     * The container's view of the work connection, told about each batch's end, and the binder that
     * shows the container the connections of a parallel loop's workers.
     */
    void bindContainer(WorkConnectionBinder binder, WorkConnectionBinder.Binding binding) {
        this.binder = binder;
        this.binding = binding;
    }

    @Override
    public WorkConnectionBinder.Binding bindWorker(Connection connection) {
        return binder.bind(ctx.definition(), connection);
    }

    @Override
    public void batchWorkDone() {
        binding.flush();
    }

    @Override
    public void batchEnded(boolean committed) {
        binding.batchEnded(committed);
    }

    @Override
    public void committed(String encodedCheckpoint) {
        lastCheckpoint = encodedCheckpoint;
    }

    @Override
    public void saveCheckpoint(Handle handle, Checkpoint checkpoint, String text, boolean withProgress,
            boolean commit) {
        ProgressSnapshot progress = withProgress ? new ProgressSnapshot(ctx.progressTotal(), ctx.progressRate(),
                clock.instant()) : null;
        String id = ctx.definition().id();
        ctx.statements().pause(true);
        try {
            CheckpointSaved saved = store.saveCheckpoint(handle, id, ctx.runId(), text, checkpoint.done(), progress,
                    commit);
            if (saved == CheckpointSaved.LOST) {
                runLost("another process declared this run interrupted (its lock was lost) before batch "
                        + checkpoint.batch() + " committed; that batch was rolled back");
            }
            if (saved == CheckpointSaved.CANCEL_REQUESTED) {
                ctx.cancelRequested(store.cancelRequest(handle, id, ctx.runId()).orElse(null));
            }
        } finally {
            ctx.statements().pause(false);
        }
    }

    @Override
    public void cancelRequested() {
        ctx.cancelRequested(chunked.database().withHandle(h -> store.cancelRequest(h, ctx.definition().id(),
                ctx.runId())).orElse(null));
    }

    @Override
    public void runLost(String why) {
        ctx.lockLost(why);
        ctx.checkCancelled();
    }

    @Override
    public synchronized void progress(long done, long total, double itemsPerSecond) {
        ctx.progress(done, total, itemsPerSecond);
    }

    @Override
    public void log(String message, Object... args) {
        ctx.log(MessageFormatter.arrayFormat(message, args).getMessage());
    }

    @Override
    public void checkCancelled() {
        ctx.checkCancelled();
    }

}
