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
 * @param codeChecksum the checksum of the code the attempt ran; null when it could not be read
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
        String resumedFrom,
        String codeChecksum) {

    public static final String RUN = "run";
    public static final String ROLLBACK = "rollback";


    /** The start of attempt {@code attempt} of a script, as {@code running} records it: afresh, not resumed. */
    public static AttemptRecord started(String scriptId, String runId, int attempt, Instant at, String executedBy) {
        return new AttemptRecord(scriptId, runId, RUN, attempt, ScriptStatus.RUNNING, null, at, at, executedBy, null,
                0, 0, null, null, null, null, null, null, null);
    }

    /** The end of the attempt recorded in {@code row}, whose holder stopped without recording it. */
    public static AttemptRecord interrupted(StateRow row, String message, Instant ended) {
        return new AttemptRecord(row.scriptId(), row.runId(), RUN, row.attempt(), ScriptStatus.INTERRUPTED, row.mode(),
                row.startedAt(), ended, row.executedBy(), row.parameters(), row.progressDone(), row.progressTotal(),
                row.output(), null, message, null, row.checkpoint(), row.resumedFrom(), row.codeChecksum());
    }

    /**
     * This record without what the script produced (output, parameters, error text), for when those
     * could not be stored: the outcome itself must still be recorded.
     */
    public AttemptRecord withoutCapturedText(String whyNotStored) {
        String note = status.label() + "; its output and error could not be stored ("
                + StoredText.head(whyNotStored, ColumnLimits.DESCRIPTION) + "): see the log of the process that ran it";
        return new AttemptRecord(scriptId, runId, action, attempt, status, mode, startedAt, finishedAt, executedBy,
                null, progressDone, progressTotal, null, errorClass, note, null, checkpoint, resumedFrom, codeChecksum);
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
