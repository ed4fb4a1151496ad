package dev.scripttracker.cli;

import dev.scripttracker.ScriptTracker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Asks the process running a script to stop it, from any machine that reaches the database.",
            "A BATCH script stops at its next batch boundary, keeping the batches it committed, and resumes there"
                    + " when run by id again (cancel, then run ID, is pause and resume). Any other script is stopped"
                    + " at once and its work rolled back (without a transaction, left as it is). The run is"
                    + " recorded cancelled and waits for an explicit run."},
        footer = {"", "Exit codes: 0 the running process was asked to stop; 1 the script is not running;"
                + " 2 usage, configuration or database error (e.g. unknown id)."})
final class CancelCommand implements Callable<Integer> {

    @Mixin
    TrackerOptions tracker;

    @Parameters(paramLabel = "ID", description = "The running script to stop.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = new Output(spec.commandLine().getOut());
        try (ScriptTracker scripts = tracker.open()) {
            if (scripts.cancel(id)) {
                output.line(id + "  cancel requested: the process running it stops it at its next batch boundary"
                        + " (other scripts: within a heartbeat); see status");
                return ExitCodes.OK;
            }
            output.line(id + "  is not running; nothing to cancel");
            return ExitCodes.SCRIPT_FAILED;
        }
    }
}
