package dev.scripttracker.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "script-tracker", mixinStandardHelpOptions = true, versionProvider = ScriptTrackerCommand.Version.class,
        description = "Runs one-off data scripts once, atomically, under a database lock, and records what happened.",
        subcommands = {StatusCommand.class, HistoryCommand.class, RunCommand.class, CancelCommand.class, RollbackCommand.class, CleanupCommand.class,
            CreateCommand.class, CheckCommand.class, VerifyCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", ExitCodes.HELP, "",
            "Connection settings come from the options, then SCRIPT_TRACKER_* environment variables, then"
                    + " scripttracker.* system properties, then ./script-tracker.properties; without any, the"
                    + " embedded H2 database under ./.script-tracker/."})
final class ScriptTrackerCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a command nothing was done, which a script calling this must not mistake for success. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: no command given; name one of the commands below,"
                + " e.g. script-tracker status");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE_OR_CONFIGURATION;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ScriptTrackerCommand.class.getPackage().getImplementationVersion();
            return new String[] {"script-tracker " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
