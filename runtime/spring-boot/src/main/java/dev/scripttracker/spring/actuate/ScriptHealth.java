package dev.scripttracker.spring.actuate;

import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.spring.ScriptTrackerProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The health of the scripts, whatever Spring Boot's health API: up unless a script's latest attempt
 * failed (failed, timed out, interrupted) or a running script's heartbeat is older than
 * {@code scripttracker.health.stuck-after}; then {@code scripttracker.health.failed-status}.
 */
public final class ScriptHealth {

    private static final Set<ScriptStatus> FAILED = EnumSet.of(ScriptStatus.FAILED, ScriptStatus.TIMED_OUT,
            ScriptStatus.INTERRUPTED);

    /** @param status {@code UP}, {@code DOWN} or {@code OUT_OF_SERVICE} */
    public record Report(String status, Map<String, Object> details) {
    }

    private final ScriptTracker tracker;
    private final ScriptTrackerProperties.Health settings;
    private final Clock clock;

    public ScriptHealth(ScriptTracker tracker, ScriptTrackerProperties.Health settings, Clock clock) {
        this.tracker = tracker;
        this.settings = settings;
        this.clock = clock;
    }

    public Report check() {
        List<String> failed = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        long running = 0;
        long pending = 0;
        Instant stuckBefore = clock.instant().minus(settings.stuckAfter());
        for (ScriptState state : tracker.status()) {
            if (FAILED.contains(state.status())) {
                failed.add(state.id());
            } else if (state.status() == ScriptStatus.RUNNING) {
                running++;
                if (state.heartbeatAt() == null || state.heartbeatAt().isBefore(stuckBefore)) {
                    stuck.add(state.id());
                }
            } else if (state.status() == ScriptStatus.PENDING || state.status() == ScriptStatus.ROLLED_BACK) {
                pending++;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failed", failed);
        details.put("stuck", stuck);
        details.put("running", running);
        details.put("pending", pending);
        boolean healthy = failed.isEmpty() && stuck.isEmpty();
        if (!healthy) {
            details.put("action", "read the error at /actuator/scripttracker/ID; fix the script or the data, then"
                    + " run it again (scripttracker.run-ids=ID at the next start, or ScriptTracker.run(ID))");
        }
        return new Report(healthy ? "UP" : settings.failedStatus().name(), details);
    }
}
