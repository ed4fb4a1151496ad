package dev.scripttracker.agent;

import dev.scripttracker.ScriptTracker;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One tracker per class loader that holds scripts, configured like the command line (environment,
 * system properties, script-tracker.properties; the embedded H2 database by default), built on first
 * use and closed when the JVM exits.
 */
final class Trackers {

    private static final Map<ClassLoader, ScriptTracker> BY_LOADER = Collections.synchronizedMap(new WeakHashMap<>());

    private Trackers() {
    }

    static ScriptTracker forLoader(ClassLoader loader) {
        synchronized (BY_LOADER) {
            ScriptTracker tracker = BY_LOADER.get(loader);
            if (tracker == null) {
                tracker = ScriptTracker.builder().classLoader(loader).configure(Map.of()).build();
                BY_LOADER.put(loader, tracker);
                ScriptTracker created = tracker;
                Runtime.getRuntime().addShutdownHook(new Thread(created::close, "script-tracker-shutdown"));
            }
            return tracker;
        }
    }
}
