package dev.scripttracker.spring.actuate;

import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.Progress;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptState;
import java.time.Instant;
import java.util.List;

/** One script in the endpoint: its registration, its state now, its last attempt and its progress. */
public record ScriptDescriptor(String id, String description, String transaction, String status, int attempts,
        int consecutiveFailures, boolean needsExplicitRun, LastAttempt lastAttempt, ProgressDescriptor progress,
        String checkpoint, List<ParameterDescriptor> parameters) {

    /** @param durationMs null while it runs */
    public record LastAttempt(Instant startedAt, Instant finishedAt, Long durationMs, String executedBy,
            Instant heartbeatAt, String errorClass, String errorMessage) {
    }

    public record ProgressDescriptor(long done, long total, double itemsPerSecond, String text) {
    }

    /** A declared parameter (never a value): {@code defaultValue} and {@code env} null when it has none. */
    public record ParameterDescriptor(String name, String type, String expects, boolean required, String defaultValue,
            boolean secret, String env, boolean identifying, String description) {

        static ParameterDescriptor of(ParameterDeclaration declared) {
            return new ParameterDescriptor(declared.name(), declared.type(), declared.expects(), declared.required(),
                    declared.defaultValue().orElse(null), declared.secret(), declared.env().orElse(null),
                    declared.identifying(), declared.description());
        }
    }

    /** @param parameters what the script declares; empty for one only the database knows */
    static ScriptDescriptor of(ScriptState state, List<ParameterDeclaration> parameters) {
        LastAttempt last = state.startedAt() == null ? null : new LastAttempt(state.startedAt(), state.finishedAt(),
                state.duration() == null ? null : state.duration().toMillis(), state.executedBy(), state.heartbeatAt(),
                state.errorClass(), state.errorMessage());
        Progress progress = state.progress();
        ProgressDescriptor shown = progress == null || progress.done() == 0 && progress.total() == 0 ? null
                : new ProgressDescriptor(progress.done(), progress.total(), progress.itemsPerSecond(), progress.describe());
        return new ScriptDescriptor(state.id(), state.definition().map(ScriptDefinition::description).orElse(null),
                state.definition().map(d -> d.transaction().name()).orElse(null), state.status().label(),
                state.attempts(), state.consecutiveFailures(), state.needsExplicitRun(), last, shown, state.checkpoint(),
                parameters.stream().map(ParameterDescriptor::of).toList());
    }
}
