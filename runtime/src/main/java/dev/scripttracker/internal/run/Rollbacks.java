package dev.scripttracker.internal.run;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.store.AttemptRecord;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.ParameterCodec;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs a script's {@code rollback(ScriptContext)} in one transaction under the script's lock. On
 * success the state becomes {@code rolled_back} (so the script is pending again) in the same
 * transaction; a failed rollback is recorded in the history and changes nothing else.
 */
public final class Rollbacks {

    private static final Set<ScriptStatus> PARTIAL_EFFECTS = EnumSet.of(ScriptStatus.FAILED, ScriptStatus.TIMED_OUT,
            ScriptStatus.INTERRUPTED, ScriptStatus.CANCELLED);

    private final Engine engine;
    private final AttemptExecution execution;

    public Rollbacks(Engine engine) {
        this.engine = engine;
        this.execution = new AttemptExecution(engine);
    }

    public RunResult rollback(ScriptDefinition script, RunOptions options) {
        if (EntryPoints.rollbackMethod(script, engine.settings().classLoader()).isEmpty()) {
            throw new ConfigurationException("script " + script.id() + " (" + script.className() + ") has no"
                    + " rollback method; add public void rollback(ScriptContext ctx) that undoes its work,"
                    + " or repair the data by hand");
        }
        String runId = UUID.randomUUID().toString();
        Settings settings = engine.settings();
        LeaseTerms lease = new LeaseTerms(settings.lease(), settings.clock(), runId, settings.operator());
        try (StoreSession session = StoreSession.open(engine, lease)) {
            if (session.acquire(script.id(), options.lockWait().orElse(settings.lockWait()), engine.store()).isEmpty()) {
                return RunResult.notRun(script.id(), RunOutcome.LOCKED, "script " + script.id()
                        + " is being run by another process; roll it back once that has finished");
            }
            StateRow row = rollbackable(script, session.use(h -> engine.store().find(h, script.id()))
                    .map(r -> r.requireReadable(engine.store().table())));
            return execute(script, options, session, row, runId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.notRun(script.id(), RunOutcome.NOT_ATTEMPTED, "interrupted while waiting for its lock");
        }
    }

    private static StateRow rollbackable(ScriptDefinition script, Optional<StateRow> recorded) {
        String status = recorded.map(r -> r.status().label()).orElse("pending");
        boolean allowed = recorded.isPresent() && (recorded.get().status() == ScriptStatus.SUCCESS
                || recorded.get().mode() != Transaction.SCRIPT && PARTIAL_EFFECTS.contains(recorded.get().status()));
        if (!allowed) {
            throw new ConfigurationException("script " + script.id() + " is " + status + ", so there is nothing to roll"
                    + " back: only a successful run (or, without a transaction, a run that stopped half-way) can be"
                    + " rolled back");
        }
        return recorded.get();
    }

    private RunResult execute(ScriptDefinition script, RunOptions options, StoreSession session, StateRow row,
            String runId) {
        RunContext ctx = new RunContext(script, row.attempt(), options.parameters(), options.dryRun(),
                engine.settings().maxOutputChars(), engine.settings().clock());
        ctx.useBatches(new BatchRun(engine, ctx, null, null));
        Instant start = engine.settings().clock().instant();
        String operator = engine.settings().operator();
        String parameters = ParameterCodec.encode(options.parameters());
        AttemptExecution.Attempt result = execution.execute(ctx,
                c -> EntryPoints.rollback(script, engine.settings().classLoader(), c), true, script.timeout(), session,
                null, (work, finished) -> engine.store().finish(work, Outcomes.record(script, runId,
                        AttemptRecord.ROLLBACK, row.attempt(), start, finished, ScriptStatus.ROLLED_BACK, ctx, null,
                        null, operator, parameters), row.runId(), row.status()));
        Duration took = Duration.between(start, result.finishedAt());
        if (result.recorded()) {
            return new RunResult(script.id(), RunOutcome.ROLLED_BACK, row.attempt(), took,
                    "rolled back; the script is pending again", null);
        }
        if (!options.dryRun()) {
            ScriptStatus status = result.status() == ScriptStatus.SUCCESS ? ScriptStatus.FAILED : result.status();
            AttemptRecord failed = Outcomes.record(script, runId, AttemptRecord.ROLLBACK, row.attempt(), start,
                    result.finishedAt(), status, ctx, result.failure(), "rollback " + result.message(), operator,
                    parameters);
            session.use(h -> StoreException.attempt("record the failed rollback of script " + script.id(), () -> {
                engine.store().history().append(h, failed);
                return null;
            }));
        }
        RunOutcome outcome = options.dryRun() && result.status() == ScriptStatus.SUCCESS ? RunOutcome.DRY_RUN
                : ScriptRunner.outcomeOf(result.status() == ScriptStatus.SUCCESS ? ScriptStatus.FAILED : result.status());
        return new RunResult(script.id(), outcome, row.attempt(), took, "rollback " + result.message()
                + "; the script's state is unchanged (" + row.status().label() + ")", result.failure());
    }
}
