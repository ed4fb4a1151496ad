package dev.scripttracker.spring.actuate;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;

/** {@code scripttracker.scripts} (gauge): how many scripts are {@code running}, {@code pending} or {@code failed} now, tag {@code state}, read from the store when sampled. */
public final class ScriptStateGauges {

    private static final Map<String, Set<ScriptStatus>> GAUGED = Map.of(
            "running", Set.of(ScriptStatus.RUNNING),
            "pending", Set.of(ScriptStatus.PENDING, ScriptStatus.ROLLED_BACK),
            "failed", Set.of(ScriptStatus.FAILED, ScriptStatus.TIMED_OUT, ScriptStatus.INTERRUPTED));

    public ScriptStateGauges(MeterRegistry registry, ScriptTracker tracker) {
        GAUGED.forEach((state, statuses) -> Gauge.builder("scripttracker.scripts", tracker,
                        t -> t.status().stream().filter(s -> statuses.contains(s.status())).count())
                .tag("state", state).description("scripts in this state now").register(registry));
    }
}
