package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.store.AttemptRecord;
import dev.scripttracker.internal.store.StoredText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** Builds the record of an attempt, with its error bounded to what a table column should hold. */
final class Outcomes {

    static final int MAX_MESSAGE = 4_000;
    static final int MAX_STACK = 16_000;

    private Outcomes() {
    }

    static AttemptRecord record(ScriptDefinition script, String runId, int attempt, Instant start, Instant finished,
            ScriptStatus status, RunContext ctx, Throwable failure, String message, String operator, String parameters) {
        return record(script, runId, AttemptRecord.RUN, attempt, start, finished, status, ctx, failure, message,
                operator, parameters);
    }

    static AttemptRecord record(ScriptDefinition script, String runId, String action, int attempt, Instant start,
            Instant finished, ScriptStatus status, RunContext ctx, Throwable failure, String message, String operator,
            String parameters) {
        boolean hasError = failure != null && status != ScriptStatus.SKIPPED;
        String detail = status == ScriptStatus.SUCCESS ? null : StoredText.head(message, MAX_MESSAGE);
        // Work committed outside the run's transaction makes a failed attempt one that may have left partial
        // effects, like a run without a transaction: it then waits for an explicit run.
        Transaction mode = status != ScriptStatus.SUCCESS && !ctx.connectionsOutside().isEmpty() ? Transaction.NONE
                : script.transaction();
        return new AttemptRecord(script.id(), runId, action, attempt, status, mode, start, finished,
                operator, parameters, ctx.progressDone(), ctx.progressTotal(), ctx.output(),
                hasError ? failure.getClass().getName() : null, detail, hasError ? stackOf(failure) : null,
                ctx.batchRun() == null ? null : ctx.batchRun().lastCheckpoint(), ctx.resumedFrom());
    }

    private static String stackOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return StoredText.head(text.toString(), MAX_STACK);
    }

}
