package dev.scripttracker.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Marks the connections script-tracker takes for itself (its store, a script run's work session), so
 * that the agent, which binds the connections a running script takes to its run, leaves them alone.
 */
public final class OwnConnections {

    private static final ThreadLocal<Boolean> OPENING = new ThreadLocal<>();

    private OwnConnections() {
    }

    /** Whether script-tracker itself is taking a connection on this thread. */
    public static boolean isOpening() {
        return OPENING.get() != null;
    }

    public static Connection open(DataSource dataSource) throws SQLException {
        Boolean outer = OPENING.get();
        OPENING.set(Boolean.TRUE);
        try {
            return dataSource.getConnection();
        } finally {
            if (outer == null) {
                OPENING.remove();
            }
        }
    }
}
