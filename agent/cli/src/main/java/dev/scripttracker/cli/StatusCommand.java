package dev.scripttracker.cli;

import dev.scripttracker.ParameterDeclarations;
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
import picocli.CommandLine.Parameters;
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

    @Parameters(paramLabel = "ID", arity = "0..1",
            description = "Show this script only, with the parameters it declares (name, type, required or default,"
                    + " secret, identifying, description).")
    String id;

    @Option(names = "--json", description = "Print JSON (one object per script) instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ScriptTracker scripts = tracker.openForReading()) {
            List<ScriptState> states = scripts.status();
            if (id != null) {
                return one(scripts, states, out);
            }
            if (json) {
                StatusJson.write(states, out, null);
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

    private int one(ScriptTracker scripts, List<ScriptState> states, PrintWriter out) throws IOException {
        List<ScriptState> state = states.stream().filter(s -> s.id().equals(id)).toList();
        // A script only the database knows has no declarations left; an unknown id is refused here.
        ParameterDeclarations parameters = !state.isEmpty() && state.get(0).isOrphaned() ? null
                : scripts.parameters(id);
        if (json) {
            StatusJson.write(state, out, parameters);
        } else {
            StatusTable.write(state, out);
            if (parameters != null) {
                ParameterTable.write(id, parameters, out);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
