package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.StateRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
        Settings settings = engine.settings();
        for (StateRow row : running) {
            LeaseTerms lease = new LeaseTerms(settings.lease(), settings.clock(), UUID.randomUUID().toString(),
                    settings.operator());
            try (StoreSession session = StoreSession.open(engine, lease)) {
                Optional<StateRow> now = session.acquire(row.scriptId(), Duration.ZERO, engine.store())
                        .flatMap(claim -> claim.row());
                if (now.isPresent() && now.get().status() == ScriptStatus.RUNNING
                        && !Interruptions.mayBeAlive(now.get(), settings.clock(), engine.dialect())
                        && session.use(h -> Interruptions.markInterrupted(engine, h, now.get()))) {
                    interrupted.add(row.scriptId());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return interrupted;
    }
}
