package dev.scripttracker.agent;

import dev.scripttracker.ConfigurationException;

/**
 * The agent's arguments, comma separated: {@code run-pending} runs pending scripts before the
 * application's main; {@code on-error=fail} (default) or {@code on-error=skip} decides what a tracked
 * script does when script-tracker itself cannot work (database down, bad configuration): fail the
 * call, or skip the script and let the application go on. A script never runs untracked.
 */
record AgentOptions(boolean runPending, boolean skipOnError) {

    static AgentOptions parse(String arguments) {
        boolean runPending = false;
        boolean skipOnError = false;
        if (arguments != null) {
            for (String argument : arguments.split(",")) {
                String option = argument.trim();
                switch (option) {
                    case "" -> { }
                    case "run-pending" -> runPending = true;
                    case "on-error=fail" -> skipOnError = false;
                    case "on-error=skip" -> skipOnError = true;
                    default -> throw new ConfigurationException("unknown agent option '" + option + "'; use"
                            + " -javaagent:script-tracker.jar[=run-pending][,on-error=fail|skip]");
                }
            }
        }
        return new AgentOptions(runPending, skipOnError);
    }
}
