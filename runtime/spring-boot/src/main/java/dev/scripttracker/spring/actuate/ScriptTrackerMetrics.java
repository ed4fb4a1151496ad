package dev.scripttracker.spring.actuate;

import dev.scripttracker.Progress;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.Transaction;
import dev.scripttracker.spring.ScriptRunObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micrometer meters of the runs this application makes at start-up and of every script's state:
 * <ul>
 * <li>{@code scripttracker.runs} (timer): one record per attempt, tagged {@code script} and {@code outcome}
 *     ({@code succeeded}, {@code failed}, {@code skipped}, {@code timed_out}, ...);</li>
 * <li>{@code scripttracker.scripts} (gauge): how many scripts are {@code running}, {@code pending} or
 *     {@code failed} now, tag {@code state}, read from the store when sampled;</li>
 * <li>{@code scripttracker.batch.rows} (counter): rows that {@code BATCH} scripts processed, tag {@code script}.</li>
 * </ul>
 */
public final class ScriptTrackerMetrics implements ScriptRunObserver {

    private static final Map<String, Set<ScriptStatus>> GAUGED = Map.of(
            "running", Set.of(ScriptStatus.RUNNING),
            "pending", Set.of(ScriptStatus.PENDING, ScriptStatus.ROLLED_BACK),
            "failed", Set.of(ScriptStatus.FAILED, ScriptStatus.TIMED_OUT, ScriptStatus.INTERRUPTED));

    private final MeterRegistry registry;
    private final Map<String, Long> rowsSeen = new ConcurrentHashMap<>();

    public ScriptTrackerMetrics(MeterRegistry registry, ScriptTracker tracker) {
        this.registry = registry;
        // A BATCH run that stopped half-way resumes counting from where it got to, not from zero.
        tracker.status().stream().filter(state -> state.progress() != null && state.progress().done() > 0)
                .forEach(state -> rowsSeen.put(state.id(), state.progress().done()));
        GAUGED.forEach((state, statuses) -> Gauge.builder("scripttracker.scripts", tracker,
                        t -> t.status().stream().filter(s -> statuses.contains(s.status())).count())
                .tag("state", state).description("scripts in this state now").register(registry));
    }

    @Override
    public void finished(RunResult result) {
        if (result.attempt() == 0) {
            return; // not attempted: already done, locked by another instance, blocked
        }
        Timer.builder("scripttracker.runs").description("attempts of scripts run by this application")
                .tag("script", result.scriptId()).tag("outcome", result.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry).record(result.duration());
    }

    /**
     * Progress counts the whole run, earlier attempts included when it resumed: count what was added since the
     * last report (a run started over from its first batch counts again from its second report on).
     */
    @Override
    public void progress(ScriptDefinition script, Progress progress) {
        if (script.transaction() != Transaction.BATCH) {
            return;
        }
        Long before = rowsSeen.put(script.id(), progress.done());
        long added = progress.done() - (before == null ? 0 : before);
        if (added > 0) {
            Counter.builder("scripttracker.batch.rows").description("rows processed by BATCH scripts")
                    .tag("script", script.id()).register(registry).increment(added);
        }
    }
}
