package dev.scripttracker.internal.session;

import dev.scripttracker.internal.jdbc.StatementCounter;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.ScriptLock.Claim;
import dev.scripttracker.internal.store.ScriptLock;
import dev.scripttracker.internal.store.StateStore;
import dev.scripttracker.internal.store.StoreDatabase;
import dev.scripttracker.internal.store.StoreException;
import dev.scripttracker.internal.store.TableNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The two database sessions of one attempt. The work session runs the script's statements and,
 * where the database has session locks, holds the script's lock, so that the lock is free again
 * only when the work session (and its uncommitted work) is gone. The store session writes the rows
 * that must be visible outside the script's transaction and carries the heartbeat; it is used by
 * the runner thread and the heartbeat thread, one at a time.
 */
public final class StoreSession implements AutoCloseable {

    private final StoreDatabase database;
    private final TableNames tables;
    private final LeaseTerms lease;
    private Handle handle;
    private WorkSession work;
    private ScriptLock lock;
    private String held;

    private StoreSession(StoreDatabase database, TableNames tables, LeaseTerms lease) {
        this.database = database;
        this.tables = tables;
        this.lease = lease;
        connect();
    }

    public static StoreSession open(StoreDatabase database, TableNames tables, LeaseTerms lease) {
        return new StoreSession(database, tables, lease);
    }

    private void connect() {
        Handle opened = database.open();
        WorkSession workOpened = null;
        try {
            workOpened = WorkSession.open(database);
            lock = database.dialect().newLock(workOpened.lockHandle(), opened, database.lockScope(), tables, lease);
            handle = opened;
            work = workOpened;
        } catch (RuntimeException e) {
            if (workOpened != null) {
                workOpened.close();
            }
            opened.close();
            throw e;
        }
    }

    /**
     * Empty also while the database's file changes hands between processes (embedded H2 whose serving
     * process exited): that is a wait, not a failure, and the session starts over on a new connection.
     * Nothing was taken, since the failed statement did not commit.
     */
    public Optional<Claim> tryAcquire(String scriptId, StateStore store) {
        synchronized (this) {
            // Set first: if the statement took the lock and then failed, close() still releases it.
            held = scriptId;
        }
        Optional<Claim> claim = Optional.empty();
        try {
            claim = use("take the lock of script " + scriptId, h -> lock.tryAcquireAndRead(scriptId, store));
        } catch (StoreException e) {
            if (!database.dialect().isChangingHands(e)) {
                throw e;
            }
            synchronized (this) {
                closeQuietly();
                connect();
            }
        }
        if (claim.isEmpty()) {
            synchronized (this) {
                held = null;
            }
        }
        return claim;
    }

    /** Gives the lock back (before another attempt at it: waiting for a live holder's lease). */
    public synchronized void release() {
        if (held != null) {
            lock.release(held);
            held = null;
        }
    }

    /**
     * Whether another script may use these sessions: both connections still open (an aborted work
     * session is not) and the work connection put back as it was lent.
     */
    public synchronized boolean isReusable() {
        return work.isOpen() && !isClosed(handle) && work.resetForNextScript();
    }

    private static boolean isClosed(Handle handle) {
        try {
            return handle.getConnection().isClosed();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    public boolean renew() {
        return use("renew the lock of script " + held, h -> lock.renew(held));
    }

    public Optional<String> lockHolder(String scriptId) {
        return use("find who holds script " + scriptId, h -> lock.holder(scriptId));
    }

    /** The work session as the script's code sees it, counting its statements; closed by the caller. */
    public Handle workHandle(StatementCounter counter) {
        return work.scriptHandle(counter);
    }

    public synchronized <T> T use(Function<Handle, T> work) {
        return work.apply(handle);
    }

    private synchronized <T> T use(String operation, Function<Handle, T> work) {
        return StoreException.attempt(operation, () -> work.apply(handle));
    }

    @Override
    public synchronized void close() {
        try {
            if (held != null) {
                lock.release(held);
            }
        } catch (RuntimeException releaseFailed) {
            // A lock we cannot release must not stay with a pooled connection: end the sessions.
            work.abort();
            abort(handle);
        } finally {
            held = null;
            closeQuietly();
        }
    }

    private static void abort(Handle handle) {
        try {
            Connection connection = handle.getConnection();
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // the session is unusable; closing is all that is left
        }
    }

    private void closeQuietly() {
        work.close();
        try {
            handle.close();
        } catch (RuntimeException alreadyDead) {
            // an aborted or killed session has nothing left to close
        }
    }
}
