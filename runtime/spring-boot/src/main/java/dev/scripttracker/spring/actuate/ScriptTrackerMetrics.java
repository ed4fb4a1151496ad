package dev.scripttracker.spring.actuate;

import dev.scripttracker.Progress;
import dev.scripttracker.RunListener;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.Transaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micrometer meters of every run the application's {@code ScriptTracker} makes, at start-up or later
 * (the application's own calls, an operator's console):
 * <ul>
 * <li>{@code scripttracker.runs} (timer): one record per attempt, tagged {@code script} and {@code outcome}
 *     ({@code succeeded}, {@code failed}, {@code skipped}, {@code timed_out}, ...);</li>
 * <li>{@code scripttracker.batch.rows} (counter): rows that {@code BATCH} scripts processed, tag {@code script}.</li>
 * </ul>
 * {@link ScriptStateGauges} adds the gauge of running, pending and failed scripts.
 */
public final class ScriptTrackerMetrics implements RunListener {

    private final MeterRegistry registry;
    /** Per script, the rows done at its run's last report; absent until the run's first report. */
    private final Map<String, Long> rowsSeen = new ConcurrentHashMap<>();

    public ScriptTrackerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void finished(RunResult result) {
        rowsSeen.remove(result.scriptId());
        if (result.attempt() == 0) {
            return; // not attempted: already done, locked by another instance, blocked
        }
        Timer.builder("scripttracker.runs").description("attempts of scripts run by this application")
                .tag("script", result.scriptId()).tag("outcome", result.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry).record(result.duration());
    }

    /**
     * Progress counts the whole run, earlier attempts included when it resumed: the first report of a run
     * (a loop reports where it starts) is the base, and each later one adds what it adds to it.
     */
    @Override
    public void progress(ScriptDefinition script, Progress progress) {
        if (script.transaction() != Transaction.BATCH) {
            return;
        }
        Long before = rowsSeen.put(script.id(), progress.done());
        long added = before == null ? 0 : progress.done() - before;
        if (added > 0) {
            Counter.builder("scripttracker.batch.rows").description("rows processed by BATCH scripts")
                    .tag("script", script.id()).register(registry).increment(added);
        }
    }
}
