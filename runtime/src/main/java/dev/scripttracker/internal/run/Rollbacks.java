package dev.scripttracker.internal.run;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.params.ResolvedParameters;
import dev.scripttracker.internal.session.RunSessions;
import dev.scripttracker.internal.session.StoreSession;
import dev.scripttracker.internal.store.StateRow;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a script's {@code rollback(ScriptContext)} in one transaction under the script's lock. On
 * success the state becomes {@code rolled_back} (so the script is pending again) in the same
 * transaction; a failed rollback is recorded in the history and changes nothing else.
 */
public final class Rollbacks {

    private static final Set<ScriptStatus> PARTIAL_EFFECTS = EnumSet.of(ScriptStatus.FAILED, ScriptStatus.TIMED_OUT,
            ScriptStatus.INTERRUPTED, ScriptStatus.CANCELLED);

    private final Engine engine;

    public Rollbacks(Engine engine) {
        this.engine = engine;
    }

    public RunResult rollback(ScriptDefinition script, RunOptions options) {
        ClassLoader loader = engine.settings().classLoader();
        if (EntryPoints.rollbackMethod(script, loader).isEmpty()) {
            throw new ConfigurationException("script " + script.id() + " (" + script.className() + ") has no"
                    + " rollback method; add public void rollback(ScriptContext ctx) that undoes its work,"
                    + " or repair the data by hand");
        }
        ResolvedParameters parameters = RunParameters.resolve(script, loader, options, true);
        try (RunSessions sessions = engine.runSessions()) {
            StoreSession session = sessions.forNextScript();
            LockWait.Taken taken = engine.lockWait().take(session, script.id(),
                    options.lockWait().orElse(engine.settings().lockWait()));
            if (taken.lockedBecause() != null) {
                return RunResult.notRun(script.id(), taken.outcome(), taken.lockedBecause());
            }
            StateRow row = rollbackable(script, taken.row().map(r -> r.requireReadable(engine.store().table())));
            return Attempt.rollback(engine, session, row, script, options, parameters)
                    .execute(c -> EntryPoints.rollback(script, loader, engine.settings().scriptFactory(), c));
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
}
