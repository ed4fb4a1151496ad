package dev.scripttracker;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The current state of one script: registered in the code, recorded in the database, or both.
 *
 * @param definition empty when the database knows a script that the code no longer has
 * @param attempts how many times it was attempted
 * @param needsExplicitRun true when {@code runPending} leaves it alone until someone runs it by id
 * @param checkpoint where a {@code BATCH} run got to (its last committed batch); null otherwise
 * @param cancelRequestedBy who asked to cancel the running attempt; null when nobody did
 * @param unreadable what this version could not read in the script's row, e.g. {@code status 'bogus'} or
 *     {@code transaction_mode 'XXX'}; null when it read everything. Such a script does not run until the row is fixed.
 * @param chunks the chunks of its last run's parallel batch loop; {@link Chunks#NONE} when it has none
 * @param codeChecksum the SHA-256 (hex) of the code its last attempt ran; null when none was recorded (the
 *     attempt predates checksums, or its class file could not be read)
 * @param currentCodeChecksum the SHA-256 (hex) of its code on this tracker's class path; null when it is not in
 *     the code or its class file cannot be read
 */
public record ScriptState(
        String id,
        Optional<ScriptDefinition> definition,
        ScriptStatus status,
        int attempts,
        int consecutiveFailures,
        Instant startedAt,
        Instant finishedAt,
        Duration duration,
        String executedBy,
        Instant heartbeatAt,
        Progress progress,
        String errorClass,
        String errorMessage,
        String output,
        boolean needsExplicitRun,
        String checkpoint,
        String cancelRequestedBy,
        String unreadable,
        Chunks chunks,
        String codeChecksum,
        String currentCodeChecksum) {

    public ScriptState {
        chunks = chunks == null ? Chunks.NONE : chunks;
    }

    /**
     * True when the code on the class path differs from the code its last attempt ran. False when either
     * checksum is unknown: an unknown checksum is never reported as a change.
     */
    public boolean codeChanged() {
        return codeChecksum != null && currentCodeChecksum != null && !codeChecksum.equals(currentCodeChecksum);
    }

    /**
     * True when the script is done ({@code success}, or {@code skipped}) and its code changed since: the
     * edit will not run unless someone runs it again with {@code force}. {@code verify} lists these.
     *
     * <pre>{@code
     * tracker.status().stream().filter(ScriptState::codeChangedSinceSuccess).forEach(s -> warn(s.id()));
     * }</pre>
     */
    public boolean codeChangedSinceSuccess() {
        return status.isDone() && codeChanged();
    }

    /** True when the database has a record of a script the code no longer contains. */
    public boolean isOrphaned() {
        return definition.isEmpty();
    }
}
