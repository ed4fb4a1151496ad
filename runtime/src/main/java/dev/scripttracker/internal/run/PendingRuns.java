package dev.scripttracker.internal.run;

import dev.scripttracker.EntryPoint;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunReport;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.session.RunSessions;
import dev.scripttracker.internal.store.StateRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs every pending script in order. Scripts already done are recognised from one read of the
 * table, without taking their locks, so a start-up with nothing to do costs one query.
 */
public final class PendingRuns {

    private final Engine engine;
    private final ScriptRunner runner;

    public PendingRuns(Engine engine) {
        this.engine = engine;
        this.runner = new ScriptRunner(engine);
    }

    /** {@code force} and {@code restart} are ignored here: they apply to a script run by id, never to everything at once. */
    public RunReport run(RunOptions requested) {
        RunOptions options = new RunOptions(false, requested.dryRun(), requested.parameters(), requested.lockWait(),
                requested.progressListener(), false, requested.workers(), requested.operator());
        Map<String, StateRow> recorded = engine.withHandle(h -> engine.store().findAll(h)).stream()
                .collect(Collectors.toMap(StateRow::scriptId, Function.identity()));
        List<RunResult> results = new ArrayList<>();
        try (RunSessions sessions = engine.runSessions()) {
            runInOrder(options, recorded, results, sessions);
        }
        return new RunReport(results);
    }

    private void runInOrder(RunOptions options, Map<String, StateRow> recorded, List<RunResult> results,
            RunSessions sessions) {
        String stoppedBy = null;
        for (ScriptDefinition script : engine.catalog().runOrder()) {
            StateRow row = recorded.get(script.id());
            if (row != null && row.status().isDone() && !options.force()) {
                results.add(RunResult.notRun(script.id(), RunOutcome.ALREADY_DONE, "already " + row.status().label()));
            } else if (script.entryPoint() == EntryPoint.COMMAND_LINE_RUNNER) {
                results.add(RunResult.notRun(script.id(), RunOutcome.NOT_ATTEMPTED, "a CommandLineRunner: it runs"
                        + " when the application calls it (start the application with -javaagent:script-tracker.jar)"));
            } else if (stoppedBy != null) {
                results.add(RunResult.notRun(script.id(), RunOutcome.NOT_ATTEMPTED, "not attempted: " + stoppedBy));
            } else if (Thread.currentThread().isInterrupted()) {
                stoppedBy = "this thread was interrupted";
                results.add(RunResult.notRun(script.id(), RunOutcome.NOT_ATTEMPTED, "not attempted: " + stoppedBy));
            } else {
                RunResult result = runner.run(script, options, false, sessions);
                results.add(result);
                stoppedBy = reasonToStop(result);
            }
        }
    }

    /**
     * Runs the given scripts by id (explicit runs), in the order given, on one pair of connections; stops
     * after the first that fails or is held by another process, as a run of pending scripts does.
     */
    public RunReport runByIds(List<ScriptDefinition> scripts, RunOptions options) {
        List<RunResult> results = new ArrayList<>();
        try (RunSessions sessions = engine.runSessions()) {
            for (ScriptDefinition script : scripts) {
                RunResult result = runner.run(script, options, true, sessions);
                results.add(result);
                if (result.outcome().isFailure() || result.outcome() == RunOutcome.LOCKED
                        || result.outcome() == RunOutcome.JOINED) {
                    break;
                }
            }
        }
        return new RunReport(results);
    }

    /** Scripts run in order: after a failure, or while another process runs an earlier script, stop. */
    private String reasonToStop(RunResult result) {
        if (result.outcome() == RunOutcome.LOCKED || result.outcome() == RunOutcome.JOINED) {
            return "script " + result.scriptId() + " comes first and is being run by another process";
        }
        if (result.outcome().isFailure() && !engine.settings().continueAfterFailure()) {
            return "script " + result.scriptId() + " failed earlier in this run";
        }
        return null;
    }
}
