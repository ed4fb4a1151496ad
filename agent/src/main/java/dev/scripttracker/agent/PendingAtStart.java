package dev.scripttracker.agent;

import dev.scripttracker.RunReport;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import java.util.Optional;

/**
 * {@code -javaagent:script-tracker.jar=run-pending}: runs the pending scripts of the application's
 * class path before its main (for a Spring Boot executable jar, before its Start-Class's main), once across every instance started together (each script's lock
 * decides who runs it). A failed script stops the start, like a failed migration, unless on-error=skip.
 */
final class PendingAtStart {

    private PendingAtStart() {
    }

    static void run(AgentOptions options) {
        Optional<String> springBootStart = SpringBootLaunch.startClass();
        if (springBootStart.isPresent()) {
            // Its scripts are in nested jars: run them when Spring's launcher calls the real main.
            AgentBridge.runPendingBeforeMainOf(springBootStart.get());
            return;
        }
        runWith(options, ClassLoader.getSystemClassLoader());
    }

    static void runWith(AgentOptions options, ClassLoader loader) {
        RunReport report;
        try {
            AgentBridge.bindDataSources();
            ScriptTracker tracker = Trackers.forLoader(loader);
            report = tracker.runPending();
        } catch (RuntimeException | LinkageError e) {
            stop(options, "could not run the pending scripts: " + e);
            return;
        }
        for (RunResult result : report.results()) {
            System.err.println("[script-tracker] " + result.scriptId() + " " + result.outcome() + ": " + result.message());
        }
        if (report.hasFailures()) {
            stop(options, "a pending script failed (see above)");
        }
    }

    private static void stop(AgentOptions options, String why) {
        if (options.skipOnError()) {
            System.err.println("[script-tracker] " + why + "; the application starts anyway (on-error=skip)");
            return;
        }
        System.err.println("[script-tracker] " + why + "; the application is not started. Fix it, or start with"
                + " -javaagent:script-tracker.jar=run-pending,on-error=skip to start anyway.");
        System.exit(1);
    }
}
