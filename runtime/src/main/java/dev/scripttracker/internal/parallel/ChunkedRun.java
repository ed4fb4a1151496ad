package dev.scripttracker.internal.parallel;

import dev.scripttracker.internal.store.ChunkStore;
import dev.scripttracker.internal.store.StoreDatabase;
import java.time.Clock;
import java.time.Duration;

/**
 * What the workers of one attempt's parallel loops share: the run they belong to, where chunks are
 * recorded, where their connections come from, and how long a claim lasts without renewal.
 *
 * @param process names this attempt's workers ({@code process#1}, ...), so that its heartbeat renews their claims
 * @param workers the workers per loop asked for this process; 0: as each loop says
 */
public record ChunkedRun(String scriptId, String runId, String process, ChunkStore chunks, StoreDatabase database,
        Clock clock, Duration lease, int workers) {
}
