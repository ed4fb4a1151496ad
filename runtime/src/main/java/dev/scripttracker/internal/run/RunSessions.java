package dev.scripttracker.internal.run;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.internal.store.LeaseTerms;
import java.util.UUID;

/**
 * The store sessions of one run of one or more scripts, taken one after another: the same pair of
 * connections serves every script while it stays healthy, so a run of N scripts opens two
 * connections, not 2N, whether or not the DataSource pools them. Each script's lock is released
 * before the next one is taken; a session whose lock or connection was lost is replaced.
 */
final class RunSessions implements AutoCloseable {

    private final Engine engine;
    private StoreSession current;

    RunSessions(Engine engine) {
        this.engine = engine;
    }

    StoreSession forNextScript() {
        if (current != null && !current.isReusable()) {
            closeCurrent();
        }
        if (current == null) {
            Settings settings = engine.settings();
            current = StoreSession.open(engine, new LeaseTerms(settings.lease(), settings.clock(),
                    UUID.randomUUID().toString(), settings.operator()));
        }
        return current;
    }

    /** After a script: its lock given back, or the session ended when the run lost it (or it is not known). */
    void scriptDone(RunResult result) {
        if (current == null) {
            return;
        }
        if (result == null || result.outcome() == RunOutcome.INTERRUPTED) {
            closeCurrent();
            return;
        }
        release();
    }

    /** Gives the current script's lock back; a session that cannot is ended. */
    void release() {
        try {
            current.release();
        } catch (RuntimeException releaseFailed) {
            closeCurrent();
        }
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        closeCurrent();
    }
}
