package dev.scripttracker.agent;

import java.lang.instrument.Instrumentation;

/**
 * {@code -javaagent:script-tracker.jar[=run-pending][,on-error=skip]}. Deliberately small: it
 * installs a transformer that only compares class names, and loads nothing heavy until a script
 * class appears. It never throws into the JVM's start.
 */
public final class ScriptTrackerAgent {

    private ScriptTrackerAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        try {
            AgentBridge.instrumentation(instrumentation);
            // Installed before the options are read, so that even with broken options no script runs untracked.
            instrumentation.addTransformer(new ScriptClassTransformer(), false);
            AgentOptions options = AgentOptions.parse(arguments);
            AgentBridge.configure(options);
            if (options.runPending()) {
                PendingAtStart.run(options);
            }
        } catch (Throwable e) {
            try {
                AgentBridge.startFailed(e);
            } catch (Throwable bridgeUnusable) {
                e.addSuppressed(bridgeUnusable);
            }
            System.err.println("[script-tracker] the agent could not start: " + e.getMessage() + ". Tracked scripts"
                    + " will refuse to run untracked. Fix the option, or remove -javaagent to run without script-tracker.");
        }
    }
}
