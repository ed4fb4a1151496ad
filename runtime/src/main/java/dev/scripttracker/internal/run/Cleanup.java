package dev.scripttracker.internal.run;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.internal.session.RunSessions;
import dev.scripttracker.internal.session.StoreSession;
import dev.scripttracker.internal.store.StateRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@code running} rows whose holder is gone (its lock is free and its lease expired) and
 * records them {@code interrupted}. A live holder keeps its lock and renews its lease, so it is
 * never touched.
 */
public final class Cleanup {

    private final Engine engine;

    public Cleanup(Engine engine) {
        this.engine = engine;
    }

    /** @return the ids of the scripts that were turned {@code interrupted} */
    public List<String> interruptAbandonedRuns() {
        List<String> interrupted = new ArrayList<>();
        List<StateRow> running = engine.withHandle(h -> engine.store().findAll(h)).stream()
                // A row this version cannot read is left alone: running a script refuses it with the reason.
                .filter(r -> r.status() == ScriptStatus.RUNNING && r.unreadable() == null).toList();
        try (RunSessions sessions = engine.runSessions()) {
            for (StateRow row : running) {
                StoreSession session = sessions.forNextScript();
                LockWait.Taken taken = engine.lockWait().take(session, row.scriptId(), Duration.ZERO);
                if (taken.outcome() == RunOutcome.NOT_ATTEMPTED) {
                    break;
                }
                Optional<StateRow> abandoned = taken.row().filter(r -> r.status() == ScriptStatus.RUNNING);
                if (taken.lockedBecause() == null && abandoned.isPresent()
                        && session.use(h -> engine.interruptions().markAbandoned(h, abandoned.get()))) {
                    interrupted.add(row.scriptId());
                }
                sessions.release();
            }
        }
        return interrupted;
    }
}
