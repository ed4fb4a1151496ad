package dev.scripttracker.spring.actuate;

import java.util.List;
import java.util.Map;

/** What {@code /actuator/scripttracker} returns, by application context and tracker bean, as {@code flyway} does. */
public record ScriptTrackerReport(Map<String, ContextScripts> contexts) {

    /** @param scriptTrackers by bean name */
    public record ContextScripts(Map<String, TrackerScripts> scriptTrackers, String parentId) {
    }

    /** Every script a tracker knows, in run order, then those only its database still knows. */
    public record TrackerScripts(List<ScriptDescriptor> scripts) {
    }
}
