package dev.scripttracker;

import java.time.Duration;
import java.util.List;

/**
 * The result of asking one script to run.
 *
 * @param attempt the attempt number this run was recorded as; 0 when it did not run
 * @param message what happened, in words for the person at the terminal
 * @param error the script's failure, when it failed; null otherwise
 * @param output what the script logged through {@link ScriptContext#log}, with timestamps
 * @param statements the data-changing statements the script ran through its handle one at a time, with the
 *     rows they changed; for a dry run every statement on its connection, PreparedBatch and plain JDBC
 *     included, with the rows a real run would change, as far as the driver reported them
 * @param warnings what the person who ran it should know, e.g. that its code changed since its last attempt
 */
public record RunResult(
        String scriptId,
        RunOutcome outcome,
        int attempt,
        Duration duration,
        String message,
        Throwable error,
        String output,
        List<StatementCount> statements,
        List<String> warnings) {

    public RunResult {
        output = output == null ? "" : output;
        statements = List.copyOf(statements);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RunResult(String scriptId, RunOutcome outcome, int attempt, Duration duration, String message,
            Throwable error, String output, List<StatementCount> statements) {
        this(scriptId, outcome, attempt, duration, message, error, output, statements, List.of());
    }

    public RunResult(String scriptId, RunOutcome outcome, int attempt, Duration duration, String message,
            Throwable error) {
        this(scriptId, outcome, attempt, duration, message, error, "", List.of());
    }

    /** A result for a script that did not run. */
    public static RunResult notRun(String scriptId, RunOutcome outcome, String message) {
        return new RunResult(scriptId, outcome, 0, Duration.ZERO, message, null);
    }
}
