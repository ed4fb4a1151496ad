package dev.scripttracker.agent;

import dev.scripttracker.ConfigurationException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The agent's arguments, comma separated: {@code run-pending} runs pending scripts before the
 * application's main; {@code on-error=fail} (default) or {@code on-error=skip} decides what a tracked
 * script does when script-tracker itself cannot work (database down, bad configuration): fail the
 * call, or skip the script and let the application go on. A script never runs untracked.
 * {@code run=ID} (repeatable) makes the application's calls of that script's entry point count as
 * an explicit {@code run ID}: the way to retry a {@code CommandLineRunner} script that waits for one.
 */
record AgentOptions(boolean runPending, boolean skipOnError, Set<String> runById) {

    AgentOptions {
        runById = Set.copyOf(runById);
    }

    static AgentOptions defaults() {
        return new AgentOptions(false, false, Set.of());
    }

    static AgentOptions parse(String arguments) {
        boolean runPending = false;
        boolean skipOnError = false;
        Set<String> runById = new LinkedHashSet<>();
        if (arguments != null) {
            for (String argument : arguments.split(",")) {
                String option = argument.trim();
                switch (option) {
                    case "" -> { }
                    case "run-pending" -> runPending = true;
                    case "on-error=fail" -> skipOnError = false;
                    case "on-error=skip" -> skipOnError = true;
                    default -> {
                        if (option.startsWith("run=") && option.length() > "run=".length()) {
                            runById.add(option.substring("run=".length()));
                        } else {
                            throw new ConfigurationException("unknown agent option '" + option + "'; use"
                                    + " -javaagent:script-tracker.jar[=run-pending][,on-error=fail|skip][,run=ID...]");
                        }
                    }
                }
            }
        }
        return new AgentOptions(runPending, skipOnError, runById);
    }
}
