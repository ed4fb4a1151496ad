package dev.scripttracker.cli;

import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptTracker;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Every registered script with its state (pending included), its last run, how long it took and"
                + " who ran it; then scripts the database knows but the code no longer has.",
            "Only reads: creates and upgrades no table. When no table exists under the prefix (nothing has run"
                    + " with it, or it is mistyped) it says so and exits 2."},
        footer = {"", ExitCodes.HELP})
final class StatusCommand implements Callable<Integer> {

    @Mixin
    TrackerOptions tracker;

    @Option(names = "--json", description = "Print JSON (one object per script) instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ScriptTracker scripts = tracker.openForReading()) {
            List<ScriptState> states = scripts.status();
            if (json) {
                StatusJson.write(states, out);
            } else {
                StatusTable.write(states, out);
                if (scripts.scripts().isEmpty()) {
                    out.println("No scripts are registered on the class path: pass the application with --classpath"
                            + " (e.g. target/classes:target/lib/*) and build it with the script-tracker processor.");
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
