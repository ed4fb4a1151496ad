package dev.scripttracker;

import java.util.List;
import java.util.Optional;

/** The results of one {@code runPending} or {@code run} call, in the order the scripts were taken. */
public record RunReport(List<RunResult> results) {

    public RunReport {
        results = List.copyOf(results);
    }

    public boolean hasFailures() {
        return results.stream().anyMatch(r -> r.outcome().isFailure());
    }

    public boolean hasLockedScripts() {
        return results.stream().anyMatch(r -> r.outcome() == RunOutcome.LOCKED);
    }

    public Optional<RunResult> result(String scriptId) {
        return results.stream().filter(r -> r.scriptId().equals(scriptId)).findFirst();
    }
}
