package dev.scripttracker;

import dev.scripttracker.internal.run.Cleanup;
import dev.scripttracker.internal.run.Engine;
import dev.scripttracker.internal.run.PendingRuns;
import dev.scripttracker.internal.run.Rollbacks;
import dev.scripttracker.internal.run.ScriptRunner;
import dev.scripttracker.internal.run.StateViews;
import dev.scripttracker.internal.store.OperatorName;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The Java API: lists scripts with their state, runs pending scripts or one by id, rolls back and
 * cleans up. The command line and the agent use the same engine.
 *
 * <pre>{@code
 * try (ScriptTracker tracker = ScriptTracker.builder().dataSource(dataSource).build()) {
 *     RunReport report = tracker.runPending();
 *     if (report.hasFailures()) { ... }
 * }
 * }</pre>
 *
 * A tracker is safe to use from several threads; every run takes the script's database lock.
 */
public final class ScriptTracker implements AutoCloseable {

    private final Engine engine;
    private final ScriptRunner runner;

    private final List<String> warnings;
    private final RunListeners listeners;

    ScriptTracker(Engine engine, List<String> warnings, List<RunListener> listeners) {
        this.engine = engine;
        this.runner = new ScriptRunner(engine);
        this.warnings = List.copyOf(warnings);
        this.listeners = new RunListeners(listeners);
    }

    public static ScriptTrackerBuilder builder() {
        return new ScriptTrackerBuilder();
    }

    /** Every registered script with its state (pending ones included), then scripts only the database knows. */
    public List<ScriptState> status() {
        return new StateViews(engine).all();
    }

    /**
     * What looked wrong at start-up without stopping it, also logged as warnings (logger
     * {@code dev.scripttracker.setup}): for now, classes annotated {@link TrackedScript} on the class
     * path while no registry lists any script, which means the annotation processor did not run.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** The registered scripts, in the order {@link #runPending()} takes them. */
    public List<ScriptDefinition> scripts() {
        return engine.catalog().runOrder();
    }

    /** Runs every script that is due, in id order respecting {@code after}; stops at the first failure. */
    public RunReport runPending() {
        return runPending(RunOptions.defaults());
    }

    public RunReport runPending(RunOptions options) {
        engine.requireWritable("run pending scripts");
        return listeners.finished(new PendingRuns(engine).run(listeners.around(options)));
    }

    /**
     * Runs one script because someone asked for it by id: this also retries scripts that wait for an
     * explicit run. Scripts that succeeded or were skipped run again only with {@link RunOptions#withForce()}.
     *
     * @throws ConfigurationException when no script has this id
     */
    public RunResult run(String scriptId) {
        return run(scriptId, RunOptions.defaults());
    }

    public RunResult run(String scriptId, RunOptions options) {
        engine.requireWritable("run script " + scriptId);
        return listeners.finished(runner.run(engine.catalog().require(scriptId), listeners.around(options), true));
    }

    /**
     * Runs several scripts by id, in the order given, as {@link #run(String, RunOptions)} runs each, on
     * one pair of database connections for them all; stops after the first that fails or that another
     * process holds. Unknown ids are refused before anything runs.
     *
     * <pre>{@code
     * RunReport report = tracker.run(List.of("20261124_fix_a", "20261124_fix_b"), RunOptions.defaults());
     * }</pre>
     */
    public RunReport run(List<String> scriptIds, RunOptions options) {
        engine.requireWritable("run scripts " + scriptIds);
        return listeners.finished(new PendingRuns(engine).runByIds(scriptIds.stream().map(engine.catalog()::require)
                .toList(), listeners.around(options)));
    }

    /**
     * Runs script {@code scriptId} with {@code entryPoint} in place of its own entry point, under the
     * same lock, transaction and records as {@link #run(String)}: for integrations that intercept a
     * call already under way (the {@code -javaagent}). {@code ScriptContext.current()} works inside.
     *
     * @param explicit true when a person asked for this script (its own {@code main} was launched),
     *     false for calls the application makes on every start
     */
    public RunResult runIntercepted(String scriptId, RunOptions options, boolean explicit, Callable<?> entryPoint) {
        engine.requireWritable("run script " + scriptId);
        return listeners.finished(runner.run(engine.catalog().require(scriptId), listeners.around(options), explicit,
                entryPoint));
    }

    /**
     * The parameters script {@code scriptId} declares (see {@link TrackedScript#parameters()}).
     *
     * @throws ConfigurationException when no script has this id, or its declaration is broken
     */
    public ParameterDeclarations parameters(String scriptId) {
        return ParameterDeclarations.ofScript(engine.catalog().require(scriptId), engine.settings().classLoader());
    }

    /** The registered script whose class has this binary name, if any. */
    public java.util.Optional<ScriptDefinition> scriptOfClass(String className) {
        return engine.catalog().runOrder().stream().filter(s -> s.className().equals(className)).findFirst();
    }

    /**
     * Runs the script's {@code rollback(ScriptContext)} in one transaction; on success the script
     * is recorded {@code rolled_back} and is pending again.
     */
    public RunResult rollback(String scriptId) {
        return rollback(scriptId, RunOptions.defaults());
    }

    public RunResult rollback(String scriptId, RunOptions options) {
        engine.requireWritable("roll back script " + scriptId);
        return listeners.finished(new Rollbacks(engine).rollback(engine.catalog().require(scriptId),
                listeners.around(options)));
    }

    /**
     * Records as {@code interrupted} every run whose process is gone (its lock is free) while its
     * row still says {@code running}. Every run does this for its own script too.
     *
     * @return the ids of the scripts that were marked
     */
    public List<String> cleanup() {
        engine.requireWritable("clean up abandoned runs");
        return new Cleanup(engine).interruptAbandonedRuns();
    }

    /**
     * Asks the process running a script to stop it. A {@link Transaction#BATCH} script stops after the
     * batch under way commits, and resumes there when it is run by id again; any other script is
     * stopped as at its timeout, its work rolled back ({@link Transaction#NONE}: left as it is). A batch
     * loop sees the request when its batch commits; otherwise the process notices it within a
     * heartbeat (a third of the lease). The run is
     * recorded {@code cancelled} and waits for an explicit run.
     *
     * @return false when the script is not running
     * @throws ConfigurationException when no script has this id, in the code or in the database
     */
    public boolean cancel(String scriptId) {
        return cancel(scriptId, engine.settings().operator());
    }

    /**
     * {@link #cancel(String)}, recorded as asked by {@code operator} ({@code cancel_requested_by}) rather
     * than by the tracker's operator: e.g. the user signed in to a console.
     */
    public boolean cancel(String scriptId, String operator) {
        String requestedBy = OperatorName.check(operator);
        engine.requireWritable("cancel script " + scriptId);
        boolean requested = engine.withHandle(h -> engine.store().requestCancel(h, scriptId,
                requestedBy, engine.settings().clock().instant()));
        if (!requested && engine.withHandle(h -> engine.store().find(h, scriptId)).isEmpty()) {
            engine.catalog().require(scriptId);
        }
        return requested;
    }

    /**
     * Every attempt of a script, oldest first; empty for a registered script that never ran.
     *
     * @throws ConfigurationException when no script has this id, in the code or in the database
     */
    public List<HistoryEntry> history(String scriptId) {
        List<HistoryEntry> attempts = engine.withHandle(h -> engine.store().history().of(h, scriptId));
        if (attempts.isEmpty()) {
            engine.catalog().require(scriptId);
        }
        return attempts;
    }

    @Override
    public void close() {
        engine.close();
    }
}
