package dev.scripttracker.internal.session;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.StoreDatabase;
import dev.scripttracker.internal.store.TableNames;
import java.util.function.Supplier;

/**
 * The store sessions of one run of one or more scripts, taken one after another: the same pair of
 * connections serves every script while it stays healthy, so a run of N scripts opens two
 * connections, not 2N, whether or not the DataSource pools them. Each script's lock is released
 * before the next one is taken; a session whose lock or connection was lost is replaced.
 */
public final class RunSessions implements AutoCloseable {

    private final StoreDatabase database;
    private final TableNames tables;
    private final Supplier<LeaseTerms> leases;
    private StoreSession current;

    /** @param leases the terms of each new session's lease */
    public RunSessions(StoreDatabase database, TableNames tables, Supplier<LeaseTerms> leases) {
        this.database = database;
        this.tables = tables;
        this.leases = leases;
    }

    public StoreSession forNextScript() {
        if (current != null && !current.isReusable()) {
            closeCurrent();
        }
        if (current == null) {
            current = StoreSession.open(database, tables, leases.get());
        }
        return current;
    }

    /** After a script: its lock given back, or the session ended when the run lost it (or it is not known). */
    public void scriptDone(RunResult result) {
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
    public void release() {
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
