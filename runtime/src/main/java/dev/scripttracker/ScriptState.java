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
        Chunks chunks) {

    public ScriptState {
        chunks = chunks == null ? Chunks.NONE : chunks;
    }

    /** True when the database has a record of a script the code no longer contains. */
    public boolean isOrphaned() {
        return definition.isEmpty();
    }
}
