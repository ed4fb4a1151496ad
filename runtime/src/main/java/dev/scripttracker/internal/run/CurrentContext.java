package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptContext;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The context of the tracked script running on the current thread. */
public final class CurrentContext {

    private static final ThreadLocal<RunContext> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> OPENING_OWN_CONNECTION = new ThreadLocal<>();

    private CurrentContext() {
    }

    public static ScriptContext require() {
        ScriptContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("ScriptContext.current() was called outside a tracked script run"
                    + " (or on another thread than the script's). Run the script through script-tracker"
                    + " (ScriptTracker.run, the command line or the -javaagent), and call it on the script's thread.");
        }
        return context;
    }

    /** The context of the tracked run under way on this thread, if any. */
    public static java.util.Optional<ScriptContext> find() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    /**
     * Whether script-tracker itself is taking a connection on this thread (for its store, or for a
     * script run started from inside another): such a connection must not be bound to a running script.
     */
    public static boolean isOpeningOwnConnection() {
        return OPENING_OWN_CONNECTION.get() != null;
    }

    static Connection openOwn(DataSource dataSource) throws SQLException {
        Boolean outer = OPENING_OWN_CONNECTION.get();
        OPENING_OWN_CONNECTION.set(Boolean.TRUE);
        try {
            return dataSource.getConnection();
        } finally {
            if (outer == null) {
                OPENING_OWN_CONNECTION.remove();
            }
        }
    }

    /**
     * Tells the run under way on this thread that its script took a connection which is not the run's
     * own ({@code where} names it): the run's record then says that work may be partial.
     */
    public static void usedConnectionOutsideItsTransaction(String where) {
        RunContext run = CURRENT.get();
        if (run != null) {
            run.state().usedConnectionOutsideItsTransaction(where);
        }
    }

    /** @return the context it replaces: a script run from inside another script's run */
    static RunContext set(RunContext context) {
        RunContext outer = CURRENT.get();
        CURRENT.set(context);
        return outer;
    }

    static void restore(RunContext outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
