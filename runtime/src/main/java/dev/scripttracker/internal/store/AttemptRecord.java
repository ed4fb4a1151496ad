package dev.scripttracker.internal.store;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one attempt (a run or a rollback), as written to the state row and the history.
 *
 * @param checkpoint where a {@code BATCH} run got to: its last committed batch; null otherwise
 * @param resumedFrom the checkpoint the attempt started from, when it resumed an earlier one
 */
public record AttemptRecord(
        String scriptId,
        String runId,
        String action,
        int attempt,
        ScriptStatus status,
        Transaction mode,
        Instant startedAt,
        Instant finishedAt,
        String executedBy,
        String parameters,
        long progressDone,
        long progressTotal,
        String output,
        String errorClass,
        String errorMessage,
        String errorStack,
        String checkpoint,
        String resumedFrom) {

    public static final String RUN = "run";
    public static final String ROLLBACK = "rollback";

    /**
     * This record without what the script produced (output, parameters, error text), for when those
     * could not be stored: the outcome itself must still be recorded.
     */
    public AttemptRecord withoutCapturedText(String whyNotStored) {
        String note = status.label() + "; its output and error could not be stored ("
                + StoredText.head(whyNotStored, ColumnLimits.DESCRIPTION) + "): see the log of the process that ran it";
        return new AttemptRecord(scriptId, runId, action, attempt, status, mode, startedAt, finishedAt, executedBy,
                null, progressDone, progressTotal, null, errorClass, note, null, checkpoint, resumedFrom);
    }

    public long durationMillis() {
        return Duration.between(startedAt, finishedAt).toMillis();
    }

    /**
     * A {@code BATCH} attempt that committed batches made progress: its failure starts a new count of
     * failures in a row, so that a long backfill stopped by its timeout again and again still resumes.
     */
    public boolean madeProgress() {
        return checkpoint != null && !checkpoint.equals(resumedFrom);
    }

    /** Counts towards the consecutive failures after which a script waits for an explicit run. */
    public boolean isFailure() {
        return status == ScriptStatus.FAILED || status == ScriptStatus.TIMED_OUT
                || status == ScriptStatus.INTERRUPTED;
    }
}
