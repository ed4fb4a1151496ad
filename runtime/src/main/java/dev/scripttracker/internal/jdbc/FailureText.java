package dev.scripttracker.internal.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * A script's failure in words: the exception, and when the cause was a lost database connection
 * (killed session, server restart, network), that plainly, with the driver's innermost reason.
 */
public final class FailureText {

    /** SQLState class 08 is "connection exception"; 57P01-57P03 are PostgreSQL's administrator shutdowns. */
    private static final String CONNECTION_STATE_CLASS = "08";

    private FailureText() {
    }

    public static String of(Throwable failure) {
        if (failure == null) {
            return "no exception";
        }
        return lostConnection(failure)
                ? "the script's database connection was lost (" + innermost(failure) + ") while it ran: " + failure
                : failure.toString();
    }

    public static boolean lostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_STATE_CLASS) || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private static String innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
