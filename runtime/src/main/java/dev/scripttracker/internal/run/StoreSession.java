package dev.scripttracker.internal.run;

import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.ScriptLock;
import dev.scripttracker.internal.store.ScriptLock.Claim;
import dev.scripttracker.internal.store.StateStore;
import dev.scripttracker.internal.store.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The long-lived database session of one attempt: it holds the script's lock, writes the store
 * rows that must be visible outside the script's transaction, and carries the heartbeat. Used by
 * the runner thread and the heartbeat thread, one at a time.
 */
final class StoreSession implements AutoCloseable {

    private static final long FIRST_PAUSE_MILLIS = 25;
    private static final long MAX_PAUSE_MILLIS = 500;

    private final Engine engine;
    private final LeaseTerms lease;
    private Handle handle;
    private ScriptLock lock;
    private String held;

    private StoreSession(Engine engine, LeaseTerms lease) {
        this.engine = engine;
        this.lease = lease;
        connect();
    }

    static StoreSession open(Engine engine, LeaseTerms lease) {
        return new StoreSession(engine, lease);
    }

    private void connect() {
        Handle opened = engine.open();
        try {
            lock = engine.dialect().newLock(opened, engine.lockScope(), engine.settings().tables(), lease);
            handle = opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * Tries to take the script's lock, polling until {@code wait} has passed.
     *
     * @return the state row read with the lock; empty when another process kept the lock
     */
    Optional<Claim> acquire(String scriptId, Duration wait, StateStore store) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            synchronized (this) {
                // Set first: if the statement took the lock and then failed, close() still releases it.
                held = scriptId;
            }
            Optional<Claim> claim = tryAcquire(scriptId, store);
            if (claim.isPresent()) {
                return claim;
            }
            synchronized (this) {
                held = null;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    /**
     * Empty also while the database's file changes hands between processes (embedded H2 whose serving
     * process exited): that is a wait, not a failure, and the session starts over on a new connection.
     * Nothing was taken, since the failed statement did not commit.
     */
    private Optional<Claim> tryAcquire(String scriptId, StateStore store) {
        try {
            return use("take the lock of script " + scriptId, h -> lock.tryAcquireAndRead(scriptId, h, store));
        } catch (StoreException e) {
            if (!engine.dialect().isChangingHands(e)) {
                throw e;
            }
            synchronized (this) {
                closeQuietly();
                connect();
            }
            return Optional.empty();
        }
    }

    boolean renew() {
        return use("renew the lock of script " + held, h -> lock.renew(held));
    }

    Optional<String> lockHolder(String scriptId) {
        return use("find who holds script " + scriptId, h -> lock.holder(scriptId));
    }

    synchronized <T> T use(Function<Handle, T> work) {
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
            // A lock we cannot release must not stay with a pooled connection: end the session.
            try {
                handle.getConnection().abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the session is unusable; closing below is all that is left
            }
        } finally {
            held = null;
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            handle.close();
        } catch (RuntimeException alreadyDead) {
            // an aborted or killed session has nothing left to close
        }
    }
}
