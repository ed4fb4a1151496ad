package dev.scripttracker.cli;

import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compares the scripts' code on the class path with the code recorded when they succeeded, and"
                + " lists every script edited since (id, recorded and current checksum, when it succeeded). For CI:"
                + " an edit of a script that already ran does not run on its own.",
            "Only reads: creates and upgrades no table. Scripts whose run recorded no checksum (it predates"
                    + " checksums, or the class file could not be read) are counted, never reported as changed.",
            "Exit codes: 0 no script changed since it succeeded; 1 some did (one line each); 2 usage, configuration"
                    + " or database error, or no script on the class path."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    TrackerOptions tracker;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ScriptTracker scripts = tracker.openForReading()) {
            if (scripts.scripts().isEmpty()) {
                spec.commandLine().getErr().println("error: no scripts are registered on the class path, so nothing"
                        + " was verified: pass the application with --classpath (e.g. target/classes:target/lib/*)"
                        + " and build it with the script-tracker processor.");
                return ExitCodes.USAGE_OR_CONFIGURATION;
            }
            List<ScriptState> states = scripts.status();
            List<ScriptState> changed = states.stream().filter(ScriptState::codeChangedSinceSuccess).toList();
            changed.forEach(state -> out.println(line(state)));
            long unknown = states.stream().filter(s -> !s.isOrphaned() && s.status().isDone())
                    .filter(s -> s.codeChecksum() == null || s.currentCodeChecksum() == null).count();
            out.println("verified " + states.stream().filter(s -> !s.isOrphaned()).count() + " scripts: "
                    + (changed.isEmpty() ? "none changed since it succeeded" : changed.size()
                            + " changed since they succeeded (run ID --force runs the new code)")
                    + (unknown == 0 ? "" : "; " + unknown + " done without a recorded checksum, not compared"));
            out.flush();
            return changed.isEmpty() ? ExitCodes.OK : ExitCodes.SCRIPT_FAILED;
        }
    }

    private static String line(ScriptState state) {
        return VisibleText.of(state.id()) + ": code changed since it "
                + (state.status() == ScriptStatus.SUCCESS ? "succeeded" : "was skipped") + " (attempt "
                + state.attempts() + " at " + StatusTable.time(state.finishedAt()) + " UTC by "
                + VisibleText.of(state.executedBy()) + "): recorded " + StatusTable.shortChecksum(state.codeChecksum())
                + ", class path " + StatusTable.shortChecksum(state.currentCodeChecksum());
    }
}
