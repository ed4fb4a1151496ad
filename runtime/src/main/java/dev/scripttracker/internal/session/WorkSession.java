package dev.scripttracker.internal.session;

import dev.scripttracker.internal.jdbc.ConnectionLender;
import dev.scripttracker.internal.jdbc.StatementCounter;
import dev.scripttracker.internal.store.StoreDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * The connection an attempt's script works on, kept open from taking the lock to releasing it: a
 * session lock held by a connection that went back to a pool would stay locked. The handles given
 * out over it never close it; only {@link #close} does.
 */
final class WorkSession implements AutoCloseable {

    private final Connection connection;
    private final ConnectionLender lender;
    private final Handle lockHandle;

    private WorkSession(Connection connection, ConnectionLender lender) {
        this.connection = connection;
        this.lender = lender;
        this.lockHandle = lender.handleOver(connection);
    }

    static WorkSession open(StoreDatabase database) {
        return new WorkSession(database.openWorkConnection(), database.lender());
    }

    /** The handle that takes, checks and releases the lock, outside the script's transactions. */
    Handle lockHandle() {
        return lockHandle;
    }

    /** A handle over the same connection for the script's code, whose statements {@code counter} counts. */
    Handle scriptHandle(StatementCounter counter) {
        Handle handle = lender.handleOverToScript(counter.countsEveryStatement() ? counter.watch(connection) : connection);
        handle.addCustomizer(counter);
        return handle;
    }

    boolean isOpen() {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Puts back what a script may have changed on the connection through JDBC, as a pool does before
     * lending a connection again: an autocommit left off would hold the next script's work in a
     * transaction nobody commits. Settings changed with SQL ({@code set search_path}) are not undone.
     *
     * @return false when the connection could not be reset (then it is not reused)
     */
    boolean resetForNextScript() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            if (connection.isReadOnly()) {
                connection.setReadOnly(false);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Ends the session at once: its uncommitted work is rolled back by the server, its locks freed. */
    void abort() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            lockHandle.close();
        } catch (RuntimeException ignored) {
            // nothing of the connection's is closed by it
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException alreadyDead) {
            // an aborted or killed session has nothing left to close
        }
    }
}
