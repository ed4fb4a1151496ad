package dev.scripttracker.cli;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptTracker;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Every attempt of one script, oldest first: runs and rollbacks, who ran them, how they ended,"
                + " and for BATCH scripts where each attempt resumed and where it got to."},
        footer = {"", "Only reads: creates and upgrades no table.",
            "Exit codes: 0 shown (also when the script never ran); 2 unknown script id, usage, configuration or"
                    + " database error, or no table under the prefix."})
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    TrackerOptions tracker;

    @Parameters(paramLabel = "ID", description = "The script.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ScriptTracker scripts = tracker.openForReading()) {
            List<HistoryEntry> attempts = scripts.history(id);
            if (attempts.isEmpty()) {
                out.println(id + " has no recorded attempt: it is pending (see status)");
            } else {
                HistoryTable.write(attempts, out);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
