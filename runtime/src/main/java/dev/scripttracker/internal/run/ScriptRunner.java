package dev.scripttracker.internal.run;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.params.ResolvedParameters;
import dev.scripttracker.internal.session.RunSessions;
import dev.scripttracker.internal.session.StoreSession;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore.Resume;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one script once: takes its lock, re-reads its state under the lock, decides whether it may
 * run, and hands it to an {@link Attempt}. The command line, the agent and the Java API all come
 * through here.
 */
public final class ScriptRunner {

    private static final Logger LOG = LoggerFactory.getLogger("dev.scripttracker.engine");
    private static final int MAX_CLAIM_TRIES = 3;

    private final Engine engine;
    private final RunPolicy policy;

    public ScriptRunner(Engine engine) {
        this.engine = engine;
        this.policy = new RunPolicy(engine.settings().maxConsecutiveFailures());
    }

    public RunResult run(ScriptDefinition script, RunOptions options, boolean explicit) {
        try (RunSessions sessions = engine.runSessions()) {
            return run(script, options, explicit, sessions);
        }
    }

    /**
     * Runs the script with {@code body} as its entry point: for a call that an agent intercepted,
     * whose body is the intercepted method itself.
     */
    public RunResult run(ScriptDefinition script, RunOptions options, boolean explicit, Callable<?> body) {
        try (RunSessions sessions = engine.runSessions()) {
            return run(script, options, explicit, c -> body.call(), sessions);
        }
    }

    /** Runs the script on the sessions of a run of several scripts, which it leaves ready for the next one. */
    RunResult run(ScriptDefinition script, RunOptions options, boolean explicit, RunSessions sessions) {
        if (script.entryPoint() == EntryPoint.COMMAND_LINE_RUNNER) {
            throw new ConfigurationException("script " + script.id() + " is a Spring CommandLineRunner: its"
                    + " dependencies come from the application, so it runs when the application calls it. Start the"
                    + " application with -javaagent:script-tracker.jar instead of running it from here.");
        }
        ClassLoader loader = engine.settings().classLoader();
        return run(script, options, explicit,
                c -> EntryPoints.run(script, loader, engine.settings().scriptFactory(), c), sessions);
    }

    private RunResult run(ScriptDefinition script, RunOptions options, boolean explicit, Attempt.Body body,
            RunSessions sessions) {
        ResolvedParameters parameters = RunParameters.resolve(script, engine.settings().classLoader(), options,
                explicit);
        RunResult result = null;
        try {
            result = runUnderLock(sessions.forNextScript(), script, options, parameters, explicit, body);
            return result;
        } finally {
            sessions.scriptDone(result);
        }
    }

    private RunResult runUnderLock(StoreSession session, ScriptDefinition script, RunOptions options,
            ResolvedParameters parameters, boolean explicit, Attempt.Body body) {
        LockWait.Joinable joinable = script.transaction() == Transaction.BATCH && !options.dryRun()
                ? (s, running) -> s.use(h -> engine.chunks().openLoop(h, script.id(), running.runId())) : null;
        LockWait.Taken taken = engine.lockWait().take(session, script.id(),
                options.lockWait().orElse(engine.settings().lockWait()), joinable);
        if (taken.joinLoop() != null) {
            return Attempt.join(engine, session, taken.row().orElseThrow(), script, options, parameters,
                    taken.joinLoop())
                    .execute(body);
        }
        if (taken.lockedBecause() != null) {
            return RunResult.notRun(script.id(), taken.outcome(), taken.lockedBecause());
        }
        for (int tries = 1; tries <= MAX_CLAIM_TRIES; tries++) {
            Optional<StateRow> read = tries == 1 ? taken.row() : session.use(h -> engine.store().find(h, script.id()));
            Optional<StateRow> row = currentState(session, script.id(), read);
            Optional<RunResult> refused = refusal(script, row, options, explicit, session);
            if (refused.isPresent()) {
                return refused.get();
            }
            Resume resume = options.restart() ? Resume.NONE : RunPolicy.resumeOf(script, row);
            Optional<RunResult> changed = ChangedCode.refusal(script, row,
                    engine.codeChecksums().of(script).orElse(null), resume, options);
            if (changed.isPresent()) {
                LOG.warn("script {}: {}", script.id(), changed.get().message());
                return changed.get();
            }
            Attempt attempt = Attempt.run(engine, session, row, script, options, parameters, resume);
            if (attempt.claim()) {
                return attempt.execute(body);
            }
        }
        throw new IllegalStateException("the state of script " + script.id() + " kept changing while this"
                + " process held its lock; another process is writing to the table without the lock");
    }

    /** The row as it is now, with a {@code running} row left by a dead holder turned {@code interrupted}. */
    private Optional<StateRow> currentState(StoreSession session, String scriptId, Optional<StateRow> row) {
        row.ifPresent(r -> r.requireReadable(engine.store().table()));
        if (row.isPresent() && row.get().status() == ScriptStatus.RUNNING) {
            LOG.warn("script {}: attempt {} by {} is recorded as running, but its holder is gone;"
                    + " recording it as interrupted", scriptId, row.get().attempt(), row.get().executedBy());
            session.use(h -> engine.interruptions().markAbandoned(h, row.get()));
            return session.use(h -> engine.store().find(h, scriptId));
        }
        return row;
    }

    private Optional<RunResult> refusal(ScriptDefinition script, Optional<StateRow> row, RunOptions options,
            boolean explicit, StoreSession session) {
        Optional<RunResult> refused = policy.refusal(row, explicit, options.force())
                .map(r -> RunResult.notRun(script.id(), r.outcome(), r.message()));
        if (refused.isPresent()) {
            return refused;
        }
        for (String before : script.after()) {
            Optional<StateRow> dependency = session.use(h -> engine.store().find(h, before));
            if (dependency.isEmpty() || !dependency.get().status().isDone()) {
                return Optional.of(RunResult.notRun(script.id(), RunOutcome.BLOCKED, "waits for script " + before
                        + " (after = \"" + before + "\"), which is "
                        + dependency.map(d -> d.status().label()).orElse("pending") + "; run that one first"));
            }
        }
        return Optional.empty();
    }
}
