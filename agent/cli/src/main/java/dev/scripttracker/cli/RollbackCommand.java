package dev.scripttracker.cli;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Runs a script's rollback(ScriptContext) method in one transaction.",
            "On success the script is recorded rolled_back and will run again like a pending one."},
        footer = {"", ExitCodes.HELP})
final class RollbackCommand implements Callable<Integer> {

    @Mixin
    TrackerOptions tracker;

    @Parameters(paramLabel = "ID", description = "The script to roll back.")
    String id;

    @Option(names = "--yes", description = "Do not ask for confirmation (needed when not on a terminal).")
    boolean yes;

    @Option(names = "--dry-run", description = "Run the rollback and roll it back; nothing is recorded.")
    boolean dryRun;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter for the rollback (repeatable),"
            + " checked as for run: a script that declares required parameters needs them to undo its work.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> checked = RunParametersCheck.check(tracker.loader(), List.of(id), parameters);
        if (!yes && !dryRun) {
            confirm();
        }
        RunOptions options = dryRun ? RunOptions.defaults().withDryRun() : RunOptions.defaults();
        for (Map.Entry<String, String> parameter : checked.entrySet()) {
            options = options.withParameter(parameter.getKey(), parameter.getValue());
        }
        Output output = new Output(spec.commandLine().getOut());
        try (ScriptTracker scripts = tracker.open()) {
            RunResult result = scripts.rollback(id, options);
            output.line(result.scriptId() + "  " + result.outcome() + ": " + result.message());
            if (result.outcome() == RunOutcome.LOCKED) {
                return ExitCodes.LOCKED;
            }
            return result.outcome() == RunOutcome.ROLLED_BACK || result.outcome() == RunOutcome.DRY_RUN
                    ? ExitCodes.OK : ExitCodes.SCRIPT_FAILED;
        }
    }

    private void confirm() {
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(spec.commandLine(), "rollback changes data and nobody is at a terminal to"
                    + " confirm it; add --yes to confirm (or --dry-run to try it first)");
        }
        String answer = console.readLine("Roll back script %s? Its rollback method will run against the database."
                + " [y/N] ", id);
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new ParameterException(spec.commandLine(), "not confirmed; nothing was done");
        }
    }
}
