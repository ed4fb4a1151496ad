package dev.scripttracker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One attempt of a script (a run or a rollback), from the append-only history.
 *
 * @param action {@code run} or {@code rollback}
 */
public record HistoryEntry(
        String runId,
        String scriptId,
        String action,
        int attempt,
        ScriptStatus status,
        Instant startedAt,
        Instant finishedAt,
        Duration duration,
        String executedBy,
        Map<String, String> parameters,
        String output,
        String errorClass,
        String errorMessage,
        String errorStack) {
}
