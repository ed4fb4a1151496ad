package dev.scripttracker.internal.run;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.store.AttemptRecord;
import dev.scripttracker.internal.store.ParameterCodec;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore.Resume;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one script once: takes its lock, re-reads its state under the lock, decides whether it may
 * run, records {@code running}, executes it and records the outcome. The command line, the agent and
 * the Java API all come through here.
 */
public final class ScriptRunner {

    private static final Logger LOG = LoggerFactory.getLogger("dev.scripttracker.engine");
    private static final int MAX_CLAIM_TRIES = 3;

    private final Engine engine;
    private final RunPolicy policy;
    private final AttemptExecution execution;
    private final LockWait lockWait;

    public ScriptRunner(Engine engine) {
        this.engine = engine;
        this.lockWait = new LockWait(engine);
        this.policy = new RunPolicy(engine.settings().maxConsecutiveFailures());
        this.execution = new AttemptExecution(engine);
    }

    public RunResult run(ScriptDefinition script, RunOptions options, boolean explicit) {
        refuseCommandLineRunner(script);
        return run(script, options, explicit, c -> EntryPoints.run(script, loader(), c));
    }

    private static void refuseCommandLineRunner(ScriptDefinition script) {
        if (script.entryPoint() == EntryPoint.COMMAND_LINE_RUNNER) {
            throw new ConfigurationException("script " + script.id() + " is a Spring CommandLineRunner: its"
                    + " dependencies come from the application, so it runs when the application calls it. Start the"
                    + " application with -javaagent:script-tracker.jar instead of running it from here.");
        }
    }

    /**
     * Runs the script with {@code body} as its entry point: for a call that an agent intercepted,
     * whose body is the intercepted method itself.
     */
    public RunResult run(ScriptDefinition script, RunOptions options, boolean explicit, Callable<?> body) {
        return run(script, options, explicit, c -> body.call());
    }

    /** Runs the script on the sessions of a run of several scripts, which it leaves ready for the next one. */
    RunResult run(ScriptDefinition script, RunOptions options, boolean explicit, RunSessions sessions) {
        refuseCommandLineRunner(script);
        return run(script, options, explicit, c -> EntryPoints.run(script, loader(), c), sessions);
    }

    private RunResult run(ScriptDefinition script, RunOptions options, boolean explicit, AttemptExecution.Body body) {
        try (RunSessions sessions = new RunSessions(engine)) {
            return run(script, options, explicit, body, sessions);
        }
    }

    private RunResult run(ScriptDefinition script, RunOptions options, boolean explicit, AttemptExecution.Body body,
            RunSessions sessions) {
        RunResult result = null;
        try {
            result = runOn(sessions.forNextScript(), script, options, explicit, body);
            return result;
        } finally {
            sessions.scriptDone(result);
        }
    }

    private RunResult runOn(StoreSession session, ScriptDefinition script, RunOptions options, boolean explicit,
            AttemptExecution.Body body) {
        String runId = UUID.randomUUID().toString();
        Settings settings = engine.settings();
        try {
            LockWait.Taken taken = lockWait.take(session, script.id(), options.lockWait().orElse(settings.lockWait()));
            if (taken.lockedBecause() != null) {
                return RunResult.notRun(script.id(), RunOutcome.LOCKED, taken.lockedBecause());
            }
            for (int tries = 1; tries <= MAX_CLAIM_TRIES; tries++) {
                Optional<StateRow> read = tries == 1 ? taken.row()
                        : session.use(h -> engine.store().find(h, script.id()));
                read.ifPresent(r -> r.requireReadable(engine.store().table()));
                if (read.isPresent() && Interruptions.mayBeAlive(read.get(), settings.clock(), engine.dialect())) {
                    return RunResult.notRun(script.id(), RunOutcome.LOCKED, Interruptions.stillRunning(read.get()));
                }
                Optional<StateRow> row = currentState(session, script.id(), read);
                Optional<RunResult> refused = refusal(script, row, options, explicit, session);
                if (refused.isPresent()) {
                    return refused.get();
                }
                Resume resume = options.restart() ? Resume.NONE : Resumes.of(script, row);
                if (options.dryRun()) {
                    return dryRun(script, row, options, session, body, resume);
                }
                int attempt = row.map(StateRow::attempt).orElse(0) + 1;
                Instant start = settings.clock().instant();
                boolean claimed = session.use(h -> engine.store().markRunning(h, script, row, runId, attempt, start,
                        start.plus(settings.lease()), settings.operator(), ParameterCodec.encode(options.parameters()),
                        resume));
                if (claimed) {
                    return execute(script, options, session, runId, attempt, start, body, resume);
                }
            }
            throw new IllegalStateException("the state of script " + script.id() + " kept changing while this"
                    + " process held its lock; another process is writing to the table without the lock");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.notRun(script.id(), RunOutcome.NOT_ATTEMPTED, "interrupted while waiting for its lock");
        }
    }

    /** The row as it is now, with a {@code running} row left by a dead holder turned {@code interrupted}. */
    private Optional<StateRow> currentState(StoreSession session, String scriptId, Optional<StateRow> row) {
        if (row.isPresent() && row.get().status() == ScriptStatus.RUNNING) {
            LOG.warn("script {}: attempt {} by {} is recorded as running, but its holder is gone;"
                    + " recording it as interrupted", scriptId, row.get().attempt(), row.get().executedBy());
            session.use(h -> Interruptions.markInterrupted(engine, h, row.get()));
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

    private RunResult dryRun(ScriptDefinition script, Optional<StateRow> row, RunOptions options, StoreSession session,
            AttemptExecution.Body body, Resume resume) {
        RunContext ctx = newContext(script, row.map(StateRow::attempt).orElse(0) + 1, options, null, resume);
        Instant start = engine.settings().clock().instant();
        AttemptExecution.Attempt attempt = execution.execute(ctx, body,
                true, script.timeout(), session, null, (work, finished) -> true);
        RunOutcome outcome = attempt.status() == ScriptStatus.SUCCESS ? RunOutcome.DRY_RUN : outcomeOf(attempt.status());
        return new RunResult(script.id(), outcome, 0, Duration.between(start, attempt.finishedAt()),
                "dry run: " + attempt.message() + " (nothing was recorded)", attempt.failure(), ctx.output(),
                ctx.statements().counts());
    }

    private RunResult execute(ScriptDefinition script, RunOptions options, StoreSession session, String runId,
            int attempt, Instant start, AttemptExecution.Body body, Resume resume) {
        RunContext ctx = newContext(script, attempt, options, runId, resume);
        engine.shutdownWatch().started(runId, ctx, session);
        try {
            return execute(script, session, runId, attempt, start, body, ctx, ParameterCodec.encode(options.parameters()));
        } finally {
            engine.shutdownWatch().finished(runId);
        }
    }

    private RunResult execute(ScriptDefinition script, StoreSession session, String runId, int attempt, Instant start,
            AttemptExecution.Body body, RunContext ctx, String parameters) {
        if (ctx.resumedFrom() != null) {
            LOG.info("script {}: attempt {} resumes after {}", script.id(), attempt, ctx.resumedFrom());
        }
        LOG.info("script {}: attempt {} started by {}", script.id(), attempt, engine.settings().operator());
        AttemptExecution.Attempt result = execution.execute(ctx, body,
                script.transaction() == Transaction.SCRIPT, script.timeout(), session, runId,
                (work, finished) -> engine.store().finish(work, Outcomes.record(script, runId, attempt, start,
                        finished, ScriptStatus.SUCCESS, ctx, null, null, engine.settings().operator(), parameters),
                        runId, ScriptStatus.RUNNING));
        ScriptStatus status = result.status();
        String message = result.message();
        if (!result.recorded()) {
            AttemptRecord record = Outcomes.record(script, runId, attempt, start, result.finishedAt(), status,
                    ctx, result.failure(), message, engine.settings().operator(), parameters);
            if (!recordOutcome(session, record) && status == ScriptStatus.SUCCESS) {
                status = ScriptStatus.INTERRUPTED;
                message = "it finished, but another process had meanwhile declared it interrupted (its lock was"
                        + " lost), so its success was not recorded; its committed batches stay, and the next run"
                        + " finds nothing left to do";
            }
        }
        Duration took = Duration.between(start, result.finishedAt());
        LOG.info("script {}: attempt {} {} in {} ms", script.id(), attempt, message, took.toMillis());
        return new RunResult(script.id(), outcomeOf(status), attempt, took, message, result.failure(),
                ctx.output(), ctx.statements().counts());
    }

    /**
     * Records on the lock's session; when that session is gone (the reason a run is interrupted), on a
     * new connection. When the record itself cannot be written, a bare one without the captured texts
     * is: a row must not stay {@code running} because of what a script printed. If nothing can be
     * written (the database is gone) the row stays {@code running} until the next run or cleanup.
     *
     * @return false when the row was no longer this run's, or could not be written at all
     */
    private boolean recordOutcome(StoreSession session, AttemptRecord record) {
        try {
            return writeOutcome(session, record);
        } catch (RuntimeException fullRecordFailed) {
            LOG.error("script {}: could not record its outcome ({}) with its output and error; recording it without"
                    + " them", record.scriptId(), record.status().label(), fullRecordFailed);
            try {
                return writeOutcome(session, record.withoutCapturedText(fullRecordFailed.getMessage()));
            } catch (RuntimeException databaseGone) {
                LOG.error("script {}: could not record its outcome ({}); it stays 'running' until the next run or"
                        + " cleanup records it interrupted", record.scriptId(), record.status().label(), databaseGone);
                return false;
            }
        }
    }

    private boolean writeOutcome(StoreSession session, AttemptRecord record) {
        try {
            return session.use(h -> h.inTransaction(tx -> engine.store().finish(tx, record, record.runId(),
                    ScriptStatus.RUNNING)));
        } catch (RuntimeException sessionGone) {
            try {
                return engine.withHandle(h -> h.inTransaction(tx -> engine.store().finish(tx, record, record.runId(),
                        ScriptStatus.RUNNING)));
            } catch (RuntimeException alsoOnANewConnection) {
                alsoOnANewConnection.addSuppressed(sessionGone);
                throw alsoOnANewConnection;
            }
        }
    }

    private RunContext newContext(ScriptDefinition script, int attempt, RunOptions options, String runId,
            Resume resume) {
        RunContext ctx = new RunContext(script, attempt, options.parameters(), options.dryRun(),
                engine.settings().maxOutputChars(), engine.settings().clock());
        ctx.useBatches(new BatchRun(engine, ctx, runId, resume.checkpoint()));
        ctx.progress(resume.done(), 0);
        ctx.listenToProgress(options.progressListener());
        return ctx;
    }

    static RunOutcome outcomeOf(ScriptStatus status) {
        return switch (status) {
            case SUCCESS -> RunOutcome.SUCCEEDED;
            case SKIPPED -> RunOutcome.SKIPPED;
            case TIMED_OUT -> RunOutcome.TIMED_OUT;
            case INTERRUPTED -> RunOutcome.INTERRUPTED;
            case CANCELLED -> RunOutcome.CANCELLED;
            default -> RunOutcome.FAILED;
        };
    }

    private ClassLoader loader() {
        return engine.settings().classLoader();
    }
}
