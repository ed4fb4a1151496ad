package dev.scripttracker.internal.run;

import dev.scripttracker.Chunks;
import dev.scripttracker.Progress;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.internal.store.StateRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every script with its state: registered ones in run order (pending included), then orphans. */
public final class StateViews {

    private final Engine engine;
    private final RunPolicy policy;

    public StateViews(Engine engine) {
        this.engine = engine;
        this.policy = new RunPolicy(engine.settings().maxConsecutiveFailures());
    }

    public List<ScriptState> all() {
        Map<String, StateRow> rows = new LinkedHashMap<>();
        Map<String, Chunks> chunks = engine.withHandle(h -> {
            engine.store().findAll(h).forEach(r -> rows.put(r.scriptId(), r));
            return engine.chunks().summary(h);
        });
        List<ScriptState> states = new ArrayList<>();
        for (ScriptDefinition script : engine.catalog().runOrder()) {
            StateRow row = rows.remove(script.id());
            states.add(row == null ? pending(script) : view(Optional.of(script), row, chunks));
        }
        rows.values().forEach(row -> states.add(view(Optional.empty(), row, chunks)));
        return states;
    }

    private ScriptState pending(ScriptDefinition script) {
        return new ScriptState(script.id(), Optional.of(script), ScriptStatus.PENDING, 0, 0, null, null, null, null,
                null, Progress.NONE, null, null, null, false, null, null, null, Chunks.NONE, null, current(script));
    }

    private String current(ScriptDefinition script) {
        return engine.codeChecksums().of(script).orElse(null);
    }

    private ScriptState view(Optional<ScriptDefinition> script, StateRow row, Map<String, Chunks> chunks) {
        boolean needsExplicitRun = row.unreadable() == null && policy.refusal(Optional.of(row), false, false)
                .filter(r -> r.outcome() == RunOutcome.NEEDS_EXPLICIT_RUN).isPresent();
        return new ScriptState(row.scriptId(), script, row.status(), row.attempt(), row.consecutiveFailures(),
                row.startedAt(), row.finishedAt(),
                row.durationMillis() == null ? null : Duration.ofMillis(row.durationMillis()), row.executedBy(),
                row.heartbeatAt(), new Progress(row.progressDone(), row.progressTotal(),
                        row.status() == ScriptStatus.RUNNING ? row.progressRate() : 0, row.progressAt()), row.errorClass(), row.errorMessage(), row.output(), needsExplicitRun,
                row.checkpoint(), row.status() == ScriptStatus.RUNNING ? row.cancelRequestedBy() : null,
                row.unreadable(), chunks.getOrDefault(row.scriptId() + " " + row.runId(), Chunks.NONE),
                row.codeChecksum(), script.map(this::current).orElse(null));
    }
}
