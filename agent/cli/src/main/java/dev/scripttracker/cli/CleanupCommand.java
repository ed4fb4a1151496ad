package dev.scripttracker.cli;

import dev.scripttracker.ScriptTracker;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Records as interrupted every run still marked running whose process is gone"
                + " (its lock is free and its lease expired). Live runs are never touched."},
        footer = {"", ExitCodes.HELP})
final class CleanupCommand implements Callable<Integer> {

    @Mixin
    TrackerOptions tracker;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output output = new Output(spec.commandLine().getOut());
        try (ScriptTracker scripts = tracker.open()) {
            List<String> interrupted = scripts.cleanup();
            interrupted.forEach(id -> output.line(id + "  interrupted: its process is gone"));
            output.line(interrupted.size() + " abandoned run(s) recorded as interrupted");
            return ExitCodes.OK;
        }
    }
}
