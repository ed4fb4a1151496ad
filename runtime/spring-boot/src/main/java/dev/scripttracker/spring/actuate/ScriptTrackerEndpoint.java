package dev.scripttracker.spring.actuate;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptTracker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/scripttracker}: every script of every {@link ScriptTracker} bean, with its state,
 * last attempt, progress and declared parameters, shaped like the {@code flyway} endpoint; {@code /actuator/scripttracker/ID}:
 * the history of one script, oldest attempt first.
 */
@Endpoint(id = "scripttracker")
public class ScriptTrackerEndpoint {

    private final ApplicationContext context;

    public ScriptTrackerEndpoint(ApplicationContext context) {
        this.context = context;
    }

    @ReadOperation
    public ScriptTrackerReport scripts() {
        Map<String, ScriptTrackerReport.TrackerScripts> trackers = new LinkedHashMap<>();
        context.getBeansOfType(ScriptTracker.class).forEach((name, tracker) -> trackers.put(name,
                new ScriptTrackerReport.TrackerScripts(tracker.status().stream().map(state -> ScriptDescriptor.of(state,
                        state.isOrphaned() ? List.of() : tracker.parameters(state.id()).list())).toList())));
        ApplicationContext parent = context.getParent();
        return new ScriptTrackerReport(Map.of(context.getId(), new ScriptTrackerReport.ContextScripts(trackers,
                parent == null ? null : parent.getId())));
    }

    /** @return null (404) when no tracker knows the script */
    @ReadOperation
    public List<AttemptDescriptor> history(@Selector String scriptId) {
        for (ScriptTracker tracker : context.getBeansOfType(ScriptTracker.class).values()) {
            try {
                List<HistoryEntry> history = tracker.history(scriptId);
                if (!history.isEmpty() || tracker.scripts().stream().anyMatch(s -> s.id().equals(scriptId))) {
                    return history.stream().map(AttemptDescriptor::of).toList();
                }
            } catch (ConfigurationException unknownScript) {
                // another tracker may know it
            }
        }
        return null;
    }
}
