package dev.scripttracker.spring.actuate;

import dev.scripttracker.HistoryEntry;
import java.time.Instant;
import java.util.Map;

/** One attempt in {@code /actuator/scripttracker/ID}; the output and stack stay in the store ({@code history ID}). */
public record AttemptDescriptor(int attempt, String action, String status, Instant startedAt, Instant finishedAt,
        Long durationMs, String executedBy, Map<String, String> parameters, long progressDone, String checkpoint,
        String resumedFrom, String errorClass, String errorMessage, java.util.List<String> nonIdentifyingParameters) {

    static AttemptDescriptor of(HistoryEntry entry) {
        return new AttemptDescriptor(entry.attempt(), entry.action(), entry.status().label(), entry.startedAt(),
                entry.finishedAt(), entry.duration() == null ? null : entry.duration().toMillis(), entry.executedBy(),
                entry.parameters(), entry.progressDone(), entry.checkpoint(), entry.resumedFrom(), entry.errorClass(),
                entry.errorMessage(), entry.nonIdentifyingParameters());
    }
}
