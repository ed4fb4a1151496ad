package dev.scripttracker.cli;

import dev.scripttracker.Batches;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptTracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs every pending script in order, or the scripts named, each once across all processes.",
            "A script named here also runs when it waits for an explicit run (it failed without a transaction,"
                    + " was cancelled, or failed too often)."},
        footer = {"", ExitCodes.HELP})
final class RunCommand implements Callable<Integer> {

    @Mixin
    TrackerOptions tracker;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Scripts to run, in this order (default: every pending one).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--dry-run", description = "Run and roll everything back; nothing is recorded as executed.")
    boolean dryRun;

    @Option(names = "--retry-failed",
            description = "Also run the scripts that wait for an explicit run, before the pending ones.")
    boolean retryFailed;

    @Option(names = "--force", description = "Run the named scripts again even if they succeeded or were skipped;"
            + " resume a BATCH script that stopped mid-way although its code changed since.")
    boolean force;

    @Option(names = "--restart", description = "Start the named BATCH scripts from their first batch instead of"
            + " resuming after the last committed one; what earlier attempts committed is processed again.")
    boolean restart;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = {"A parameter for the scripts (repeatable)."
            + " 'status ID' lists a script's parameters; the values of those it declares are checked before anything"
            + " runs. A missing secret one is read from its environment variable, else asked for on a terminal."})
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--lock-wait", paramLabel = "DURATION",
            description = "How long to wait for another process running the same script (e.g. 30s, PT2M; default 10s).")
    String lockWait;

    @Option(names = "--workers", paramLabel = "N", description = "Workers in this process for each batch loop that"
            + " has workers(...) (1 to " + Batches.MAX_WORKERS + "); every process running the script shares its"
            + " chunks.")
    Integer workers;

    @Spec
    CommandSpec spec;

    private ProgressDisplay progress;

    @Override
    public Integer call() {
        if (force && ids.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--force runs scripts again, so it needs their ids:"
                    + " script-tracker run --force ID...");
        }
        if (restart && ids.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--restart starts batch scripts over, so it needs their"
                    + " ids: script-tracker run --restart ID...");
        }
        if (workers != null && (workers < 1 || workers > Batches.MAX_WORKERS)) {
            throw new ParameterException(spec.commandLine(), "--workers " + workers + " is out of range: give 1 to "
                    + Batches.MAX_WORKERS + " (each worker takes a connection of its own)");
        }
        if (!ids.isEmpty()) {
            parameters = RunParametersCheck.check(tracker.loader(), ids, parameters);
        }
        Output output = new Output(spec.commandLine().getOut());
        Map<String, String> flags = lockWait == null ? Map.of() : Map.of("lock-wait", TrackerOptions.notEmpty(
                "--lock-wait", lockWait, "give a duration, e.g. --lock-wait 30s, or leave it out for 10s"));
        try (ScriptTracker scripts = tracker.open(flags); ProgressDisplay progress = new ProgressDisplay(output, System.err)) {
            this.progress = progress;
            RunOptions options = options().withProgressListener(progress);
            List<RunResult> results = ids.isEmpty() ? pending(scripts, options, output) : named(scripts, options, output);
            return summarize(results, output);
        }
    }

    private RunOptions options() {
        RunOptions options = RunOptions.defaults();
        options = force ? options.withForce() : options;
        options = dryRun ? options.withDryRun() : options;
        options = restart ? options.withRestart() : options;
        options = workers != null ? options.withWorkers(workers) : options;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            options = options.withParameter(parameter.getKey(), parameter.getValue());
        }
        return options;
    }

    private List<RunResult> pending(ScriptTracker scripts, RunOptions options, Output output) {
        List<RunResult> results = new ArrayList<>();
        if (retryFailed) {
            for (ScriptState state : scripts.status()) {
                if (state.needsExplicitRun() && !state.isOrphaned()) {
                    RunResult result = report(scripts.run(state.id(), options), output);
                    results.add(result);
                    if (result.outcome().isFailure()) {
                        return results;
                    }
                }
            }
        }
        output.line("running pending scripts (" + scripts.scripts().size() + " registered)");
        if (scripts.scripts().isEmpty()) {
            output.line("no scripts are registered on the class path: pass the application with --classpath"
                    + " (e.g. target/classes:target/lib/*) and build it with the script-tracker processor");
        }
        scripts.runPending(options).results().forEach(r -> results.add(report(r, output)));
        return results;
    }

    private List<RunResult> named(ScriptTracker scripts, RunOptions options, Output output) {
        List<RunResult> results = new ArrayList<>();
        scripts.run(ids, options).results().forEach(r -> results.add(report(r, output)));
        return results;
    }

    private RunResult report(RunResult result, Output output) {
        progress.close();
        String took = result.attempt() > 0 || result.outcome() == RunOutcome.DRY_RUN
                ? " in " + result.duration().toMillis() + " ms" : "";
        result.warnings().forEach(warning -> spec.commandLine().getErr().println("warning: " + VisibleText.of(warning)));
        spec.commandLine().getErr().flush();
        output.line(result.scriptId() + "  " + result.outcome() + took + ": " + VisibleText.of(result.message()));
        if (dryRun) {
            DryRunReport.write(result, output);
        }
        return result;
    }

    private int summarize(List<RunResult> results, Output output) {
        long ran = results.stream().filter(r -> r.attempt() > 0).count();
        // A script asked for by id that waits for its after scripts did not do what was asked.
        long failed = results.stream().filter(r -> r.outcome().isFailure()
                || !ids.isEmpty() && r.outcome() == RunOutcome.BLOCKED).count();
        boolean locked = results.stream().anyMatch(r -> r.outcome() == RunOutcome.LOCKED);
        output.line(ran + " ran, " + failed + " failed" + (locked ? ", some held by another process" : ""));
        if (failed > 0) {
            return ExitCodes.SCRIPT_FAILED;
        }
        return locked ? ExitCodes.LOCKED : ExitCodes.OK;
    }
}
