package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Runs a script body once on its own database session: in a transaction unless the script asked for
 * none, under its timeout, with a heartbeat, and classifies what happened. A successful
 * transactional attempt records itself inside the script's transaction before it commits.
 */
final class AttemptExecution {

    interface Body {
        void call(RunContext ctx) throws Throwable;
    }

    /** Writes the success record with the script's work; false when the run is no longer ours. */
    interface SuccessRecorder {
        boolean record(Handle work, Instant finishedAt);
    }

    record Attempt(ScriptStatus status, Throwable failure, String message, Instant finishedAt, boolean recorded) {
    }

    private final Engine engine;

    AttemptExecution(Engine engine) {
        this.engine = engine;
    }

    Attempt execute(RunContext ctx, Body body, boolean transactional, Duration timeout,
            StoreSession heartbeatSession, String runId, SuccessRecorder recorder) {
        boolean inTransaction = transactional || ctx.isDryRun();
        Handle work;
        try {
            work = heartbeatSession.workHandle(ctx.statements());
        } catch (RuntimeException e) {
            return new Attempt(ScriptStatus.FAILED, e, "could not open a database connection for the script: "
                    + e.getMessage(), engine.settings().clock().instant(), false);
        }
        try {
            if (inTransaction) {
                work.begin();
            }
            long limitedAt = System.nanoTime();
            // Always set, so that "no timeout" (PT0S) also lifts a limit set for the user or the pool.
            engine.dialect().limitStatements(work, timeout, inTransaction);
            ctx.attach(work);
            ctx.statements().pause(false);
            Canceller canceller = new Canceller(ctx, work, engine.scheduler(), engine.dialect().lockProvesHolderGone());
            Throwable failure = runBody(ctx, body, timeout, heartbeatSession, runId, canceller);
            ctx.statements().pause(true);
            Instant finished = engine.settings().clock().instant();
            boolean pastDeadline = !timeout.isZero() && System.nanoTime() - limitedAt >= timeout.toNanos();
            ScriptStatus status = classify(canceller, ctx, failure, pastDeadline);
            if (status == ScriptStatus.SUCCESS && inTransaction && !ctx.isDryRun()) {
                return commit(work, recorder, finished);
            }
            if (inTransaction) {
                rollbackQuietly(work);
            }
            return new Attempt(status, failure, describe(status, ctx, failure, timeout, inTransaction), finished, false);
        } catch (RuntimeException setupFailed) {
            rollbackQuietly(work);
            return new Attempt(ScriptStatus.FAILED, setupFailed, "could not prepare the script's transaction: "
                    + setupFailed.getMessage(), engine.settings().clock().instant(), false);
        } finally {
            ctx.detach();
            closeQuietly(work, inTransaction);
        }
    }

    private Throwable runBody(RunContext ctx, Body body, Duration timeout, StoreSession heartbeatSession,
            String runId, Canceller canceller) {
        if (!timeout.isZero()) {
            canceller.armDeadline(timeout);
        }
        Heartbeat heartbeat = heartbeatSession == null ? null
                : Heartbeat.start(engine, heartbeatSession, ctx, runId, canceller);
        PrintedOutput.installOnce();
        ScriptContext outer = CurrentContext.set(ctx);
        try {
            body.call(ctx);
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            PrintedOutput.endOfRun(ctx);
            CurrentContext.restore(outer);
            canceller.bodyFinished();
            if (heartbeat != null) {
                heartbeat.close();
            }
        }
    }

    /**
     * @param pastDeadline the database's statement timeout, set at the same moment, may stop the
     *     script a moment before our own deadline fires: a failure after the deadline is a timeout
     */
    private static ScriptStatus classify(Canceller canceller, RunContext ctx, Throwable failure, boolean pastDeadline) {
        if (canceller.lockLost() || ctx.lockWasLost() && failure != null) {
            return ScriptStatus.INTERRUPTED;
        }
        if (canceller.timedOut() || failure != null && pastDeadline) {
            return ScriptStatus.TIMED_OUT;
        }
        if (ctx.cancelledBy() != null && failure != null) {
            return ScriptStatus.CANCELLED;
        }
        if (ctx.skipReason() != null) {
            return ScriptStatus.SKIPPED;
        }
        return failure == null ? ScriptStatus.SUCCESS : ScriptStatus.FAILED;
    }

    private Attempt commit(Handle work, SuccessRecorder recorder, Instant finished) {
        try {
            if (!recorder.record(work, finished)) {
                rollbackQuietly(work);
                return new Attempt(ScriptStatus.INTERRUPTED, null, "another process declared this run interrupted"
                        + " before it finished (its lock was lost); its work was rolled back", finished, false);
            }
            work.commit();
            return new Attempt(ScriptStatus.SUCCESS, null, "succeeded", finished, true);
        } catch (RuntimeException e) {
            rollbackQuietly(work);
            return new Attempt(ScriptStatus.FAILED, e, "the script finished but its transaction could not be"
                    + " committed, so its work was rolled back: " + e.getMessage(), finished, false);
        }
    }

    private static String describe(ScriptStatus status, RunContext ctx, Throwable failure, Duration timeout,
            boolean inTransaction) {
        String work = workLeft(ctx, inTransaction);
        return switch (status) {
            case SUCCESS -> ctx.isDryRun() ? "dry run finished; all of its work was rolled back" : "succeeded";
            case SKIPPED -> "skipped: " + ctx.skipReason() + (inTransaction ? outside(ctx, "; ")
                    : " (" + skippedWork(ctx) + ")");
            case TIMED_OUT -> "stopped after its timeout of " + timeout + "; " + work;
            case INTERRUPTED -> "stopped because " + ctx.cancelReasonOr("its lock was lost") + "; " + work;
            case CANCELLED -> "stopped because " + ctx.cancelReasonOr("it was cancelled") + "; " + work
                    + ". It waits for an explicit run";
            default -> "failed: " + FailureText.of(failure) + "; " + work;
        };
    }

    /** A skip is final: a batch run that skips does not resume, whatever it committed stays. */
    private static String skippedWork(RunContext ctx) {
        return ctx.definition().transaction() == Transaction.BATCH
                ? "the batches it committed before the skip stay committed; it will not run again without --force"
                : workLeft(ctx, false);
    }

    private static String workLeft(RunContext ctx, boolean inTransaction) {
        if (inTransaction) {
            return ctx.connectionsOutside().isEmpty() ? "its work was rolled back"
                    : "its work on script-tracker's connection was rolled back" + outside(ctx, ", but ");
        }
        if (ctx.definition().transaction() == Transaction.BATCH) {
            String checkpoint = ctx.batchRun() == null ? null : ctx.batchRun().lastCheckpoint();
            return checkpoint == null ? "no batch had committed yet"
                    : "the batches committed before it stopped stay committed (" + checkpoint + "), and the next"
                            + " run resumes after them";
        }
        return "it ran without a transaction, so the work it did before stopping stays: check the data before"
                + " running it again";
    }

    /** What the script wrote through connections of its own is not rolled back: never claim it was. */
    private static String outside(RunContext ctx, String separator) {
        return ctx.connectionsOutside().isEmpty() ? "" : separator + "it also took connections outside its"
                + " transaction (" + String.join("; ", ctx.connectionsOutside()) + "): what it wrote through them is NOT"
                + " rolled back and may be partial, so check that data before running it again";
    }

    private static void rollbackQuietly(Handle work) {
        try {
            work.rollback();
        } catch (RuntimeException connectionAlreadyGone) {
            // The server rolls back the transaction of a dead connection by itself.
        }
    }

    private void closeQuietly(Handle work, boolean inTransaction) {
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
