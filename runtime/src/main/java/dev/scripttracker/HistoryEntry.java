package dev.scripttracker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One attempt of a script (a run or a rollback), from the append-only history.
 *
 * @param action {@code run} or {@code rollback}
 * @param progressDone how far the attempt got (for {@code BATCH} runs: items done, earlier attempts included)
 * @param checkpoint where a {@code BATCH} run got to, e.g. {@code loop=1;batch=12;done=12000;after=id%3DL%253A12000}
 * @param resumedFrom the checkpoint this attempt resumed from; null when it started from the beginning
 * @param parameters as given, secrets stored as {@code ****}
 * @param unreadable the stored value behind a {@link ScriptStatus#UNKNOWN} status, e.g. {@code status 'bogus'};
 *     null when every value could be read
 * @param codeChecksum the SHA-256 (hex) of the code the attempt ran; null when none was recorded
 * @param nonIdentifyingParameters the parameters that do not identify the attempt ({@link Param#identifying()})
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
        String errorStack,
        long progressDone,
        String checkpoint,
        String resumedFrom,
        String unreadable,
        String codeChecksum,
        List<String> nonIdentifyingParameters) {

    public HistoryEntry {
        nonIdentifyingParameters = List.copyOf(nonIdentifyingParameters);
    }

    /** A record of an attempt whose every parameter identifies it, with no code checksum. */
    public HistoryEntry(String runId, String scriptId, String action, int attempt, ScriptStatus status,
            Instant startedAt, Instant finishedAt, Duration duration, String executedBy, Map<String, String> parameters,
            String output, String errorClass, String errorMessage, String errorStack, long progressDone,
            String checkpoint, String resumedFrom, String unreadable) {
        this(runId, scriptId, action, attempt, status, startedAt, finishedAt, duration, executedBy, parameters, output,
                errorClass, errorMessage, errorStack, progressDone, checkpoint, resumedFrom, unreadable, null, List.of());
    }

    /** The parameters that identify this attempt, with their (masked) values. */
    public Map<String, String> identifyingParameters() {
        Map<String, String> identifying = new java.util.LinkedHashMap<>(parameters);
        nonIdentifyingParameters.forEach(identifying::remove);
        return identifying;
    }

    /** True when this attempt continued a {@code BATCH} run after its last committed batch. */
    public boolean resumed() {
        return resumedFrom != null;
    }
}
