package dev.scripttracker.internal.parallel;

import dev.scripttracker.internal.store.ChunkStore;
import dev.scripttracker.internal.store.StoreDatabase;
import java.time.Clock;
import java.time.Duration;

/**
 * What the workers of one attempt's parallel loops share: the run they belong to, where chunks are
 * recorded, where their connections come from, and how long a claim lasts without renewal.
 *
 * @param process names this attempt's workers ({@code process#1 user@host}, ...), so that its heartbeat renews
 *     their claims
 * @param operator who runs this process ({@code user@host}), part of each worker's name
 * @param workers the workers per loop asked for this process; 0: as each loop says
 */
public record ChunkedRun(String scriptId, String runId, String process, String operator, ChunkStore chunks,
        StoreDatabase database, Clock clock, Duration lease, int workers) {

    /** The longest part of a worker's name that the operator takes, so that the name fits its column. */
    private static final int OPERATOR_IN_NAME = 200;

    String workerName(int number) {
        return process + "#" + number + " " + (operator.length() > OPERATOR_IN_NAME
                ? operator.substring(0, OPERATOR_IN_NAME) : operator);
    }
}
