package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.WorkConnectionBinder;
import dev.scripttracker.internal.jdbc.FailureText;
import dev.scripttracker.internal.run.Attempt.Body;
import dev.scripttracker.internal.run.Attempt.Outcome;
import dev.scripttracker.internal.session.StoreSession;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The script's work on the attempt's work session: in a transaction unless the script asked for none
 * (a dry run always has one), under its timeout, with a heartbeat; runs the body once and says what
 * happened. Committing or rolling back is the attempt's decision.
 */
final class WorkTransaction implements AutoCloseable {

    /** How far ahead of this process's clock a server's statement timer may fire (MariaDB's was seen to). */
    private static final Duration SERVER_TIMER_SLACK = Duration.ofMillis(100);

    private final Engine engine;
    private final StoreSession session;
    private final AttemptState state;
    private final BatchRun batches;
    private final Handle work;
    private final boolean inTransaction;
    private WorkConnectionBinder.Binding binding = WorkConnectionBinder.Binding.NOTHING;

    /** @throws RuntimeException when the work session cannot give the script a handle */
    WorkTransaction(Engine engine, StoreSession session, AttemptState state, BatchRun batches) {
        this.engine = engine;
        this.session = session;
        this.state = state;
        this.batches = batches;
        this.inTransaction = state.definition().transaction() == Transaction.SCRIPT || state.isDryRun();
        this.work = session.workHandle(state.statements());
    }

    boolean inTransaction() {
        return inTransaction;
    }

    Handle handle() {
        return work;
    }

    Outcome run(Body body, RunContext ctx) {
        Duration timeout = state.definition().timeout();
        try {
            if (inTransaction) {
                work.begin();
            }
            long limitedAt = System.nanoTime();
            // Always set, so that "no timeout" (PT0S) also lifts a limit set for the user or the pool.
            engine.dialect().limitStatements(work, timeout, inTransaction);
            state.attach(work);
            bindForContainer();
            state.statements().pause(false);
            Canceller canceller = new Canceller(state, work, engine.scheduler(), engine.dialect().lockProvesHolderGone());
            Throwable failure = runBody(body, ctx, timeout, canceller);
            state.statements().pause(true);
            Instant finished = engine.settings().clock().instant();
            boolean pastDeadline = !timeout.isZero() && System.nanoTime() - limitedAt >= timeout.toNanos()
                    - Math.min(timeout.toNanos() / 10, SERVER_TIMER_SLACK.toNanos());
            ScriptStatus status = classify(canceller, failure, pastDeadline);
            return new Outcome(status, failure, describe(status, failure, timeout), finished);
        } catch (RuntimeException setupFailed) {
            return new Outcome(ScriptStatus.FAILED, setupFailed, "could not prepare the script's transaction: "
                    + setupFailed.getMessage(), engine.settings().clock().instant());
        } finally {
            state.detach();
        }
    }

    /** {@code NONE} scripts asked for no transaction: the container's code keeps its own. */
    private void bindForContainer() {
        if (inTransaction || state.definition().transaction() == Transaction.BATCH) {
            WorkConnectionBinder binder = engine.settings().workConnectionBinder();
            binding = binder.bind(state.definition(), work.getConnection());
            batches.bindContainer(binder, binding);
        }
    }

    private Throwable runBody(Body body, RunContext ctx, Duration timeout, Canceller canceller) {
        if (!timeout.isZero()) {
            canceller.armDeadline(timeout);
        }
        Heartbeat heartbeat = Heartbeat.start(engine, session, state, batches, canceller);
        PrintedOutput.installOnce();
        RunContext outer = CurrentContext.set(ctx);
        try {
            body.call(ctx);
            binding.flush();
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            PrintedOutput.endOfRun(state);
            CurrentContext.restore(outer);
            canceller.bodyFinished();
            heartbeat.close();
        }
    }

    /**
     * @param pastDeadline the database's statement timeout, set at the same moment, may stop the
     *     script a moment before our own deadline fires (and the server's timer may run a little ahead of
     *     ours, {@link #SERVER_TIMER_SLACK}): a failure after the deadline is a timeout
     */
    private ScriptStatus classify(Canceller canceller, Throwable failure, boolean pastDeadline) {
        if (state.lockWasLost() && failure != null) {
            return ScriptStatus.INTERRUPTED;
        }
        if (canceller.timedOut() || failure != null && pastDeadline) {
            return ScriptStatus.TIMED_OUT;
        }
        if (state.cancelledBy() != null && failure != null) {
            return ScriptStatus.CANCELLED;
        }
        if (state.skipReason() != null) {
            return ScriptStatus.SKIPPED;
        }
        return failure == null ? ScriptStatus.SUCCESS : ScriptStatus.FAILED;
    }

    private String describe(ScriptStatus status, Throwable failure, Duration timeout) {
        String work = workLeft();
        return switch (status) {
            case SUCCESS -> state.isDryRun() ? "dry run finished; all of its work was rolled back" : "succeeded";
            case SKIPPED -> "skipped: " + state.skipReason() + (inTransaction ? outside("; ")
                    : " (" + skippedWork() + ")");
            case TIMED_OUT -> "stopped after its timeout of " + timeout + "; " + work;
            case INTERRUPTED -> "stopped because " + state.cancelReasonOr("its lock was lost") + "; " + work;
            case CANCELLED -> "stopped because " + state.cancelReasonOr("it was cancelled") + "; " + work
                    + ". It waits for an explicit run";
            default -> "failed: " + FailureText.of(failure) + "; " + work;
        };
    }

    /** A skip is final: a batch run that skips does not resume, whatever it committed stays. */
    private String skippedWork() {
        return state.definition().transaction() == Transaction.BATCH
                ? "the batches it committed before the skip stay committed; it will not run again without --force"
                : workLeft();
    }

    private String workLeft() {
        if (inTransaction) {
            return state.connectionsOutside().isEmpty() ? "its work was rolled back"
                    : "its work on script-tracker's connection was rolled back" + outside(", but ");
        }
        if (state.definition().transaction() == Transaction.BATCH) {
            String checkpoint = batches.lastCheckpoint();
            return checkpoint == null ? "no batch had committed yet"
                    : "the batches committed before it stopped stay committed (" + checkpoint + "), and the next"
                            + " run resumes after them";
        }
        return "it ran without a transaction, so the work it did before stopping stays: check the data before"
                + " running it again";
    }

    /** What the script wrote through connections of its own is not rolled back: never claim it was. */
    private String outside(String separator) {
        return state.connectionsOutside().isEmpty() ? "" : separator + "it also took connections outside its"
                + " transaction (" + String.join("; ", state.connectionsOutside()) + "): what it wrote through them is"
                + " NOT rolled back and may be partial, so check that data before running it again";
    }

    void commit() {
        binding.beforeCommit();
        work.commit();
        binding.afterCompletion(true);
    }

    void rollback() {
        if (!inTransaction) {
            return;
        }
        try {
            work.rollback();
        } catch (RuntimeException connectionAlreadyGone) {
            // The server rolls back the transaction of a dead connection by itself.
        }
        binding.afterCompletion(false);
    }

    @Override
    public void close() {
        binding.close();
        try {
            engine.dialect().unlimitStatements(work, inTransaction);
        } catch (RuntimeException connectionAlreadyGone) {
            // nothing to reset on a dead connection
        }
        try {
            work.close();
        } catch (RuntimeException connectionAlreadyGone) {
            // already closed by an abort
        }
    }
}
