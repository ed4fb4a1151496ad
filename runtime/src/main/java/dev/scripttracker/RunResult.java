package dev.scripttracker;

import java.time.Duration;

/**
 * The result of asking one script to run.
 *
 * @param attempt the attempt number this run was recorded as; 0 when it did not run
 * @param message what happened, in words for the person at the terminal
 * @param error the script's failure, when it failed; null otherwise
 */
public record RunResult(
        String scriptId,
        RunOutcome outcome,
        int attempt,
        Duration duration,
        String message,
        Throwable error) {

    /** A result for a script that did not run. */
    public static RunResult notRun(String scriptId, RunOutcome outcome, String message) {
        return new RunResult(scriptId, outcome, 0, Duration.ZERO, message, null);
    }
}
