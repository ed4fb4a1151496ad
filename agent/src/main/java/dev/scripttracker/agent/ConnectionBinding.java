package dev.scripttracker.agent;

import dev.scripttracker.ScriptContext;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.run.CurrentContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Binds the connections a running script takes from the application's own DataSources to the
 * script's transaction: while a tracked run is under way on a thread, {@code getConnection()} on a
 * DataSource of the same database (same URL and user as the store) hands out the run's own
 * connection, so the script's work commits with its success record or rolls back with its failure.
 * Savepoints work; commits, full rollbacks, autocommit, isolation and read-only changes are the run's.
 * Public because woven code in DataSource classes calls it.
 */
public final class ConnectionBinding {

    private static final ThreadLocal<Boolean> PASS_THROUGH = new ThreadLocal<>();
    private static final Map<Object, Boolean> SAME_DATABASE = Collections.synchronizedMap(new WeakHashMap<>());
    /** Left to the run; with arguments, rollback(Savepoint) still goes through. */
    private static final Set<String> IGNORED = Set.of("close", "commit", "rollback", "setAutoCommit",
            "setTransactionIsolation", "setReadOnly");

    private ConnectionBinding() {
    }

    /**
     * @return the connection to hand out instead of a new one, or null to let the DataSource work as
     *     usual (no tracked run on this thread, another database, or our own look at it)
     */
    public static Object boundConnection(Object dataSource, Method getConnection, Object[] arguments) {
        if (PASS_THROUGH.get() != null) {
            return null;
        }
        ScriptContext ctx = CurrentContext.find().orElse(null);
        if (ctx == null || ctx.definition().transaction() == Transaction.NONE) {
            // NONE: the script asked for no transaction, so the application's own commits stand.
            return null;
        }
        Connection work = ctx.connection();
        Boolean same = SAME_DATABASE.get(dataSource);
        if (same == null) {
            same = sameDatabase(dataSource, getConnection, arguments, work);
            SAME_DATABASE.put(dataSource, same);
        }
        if (!same) {
            System.err.println("[script-tracker] script " + ctx.definition().id() + " takes a connection from "
                    + dataSource.getClass().getName() + ", which points at another database than the script-tracker"
                    + " store; its work there is NOT part of the script's transaction");
            return null;
        }
        return sharing(work);
    }

    private static boolean sameDatabase(Object dataSource, Method getConnection, Object[] arguments, Connection work) {
        PASS_THROUGH.set(Boolean.TRUE);
        try (Connection own = (Connection) getConnection.invoke(dataSource, arguments)) {
            DatabaseMetaData theirs = own.getMetaData();
            DatabaseMetaData ours = work.getMetaData();
            return Objects.equals(theirs.getURL(), ours.getURL()) && Objects.equals(theirs.getUserName(), ours.getUserName());
        } catch (InvocationTargetException | IllegalAccessException | SQLException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("script-tracker could not look at the data source "
                    + dataSource.getClass().getName() + " to bind it to the running script: " + cause, cause);
        } finally {
            PASS_THROUGH.remove();
        }
    }

    /**
     * The run's connection as the script's code sees it: closing, committing, rolling back and
     * switching autocommit are left to the run, which commits or rolls back everything at its end.
     */
    private static Connection sharing(Connection work) {
        return (Connection) Proxy.newProxyInstance(ConnectionBinding.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getAutoCommit":
                            return false;
                        case "isClosed":
                            return work.isClosed();
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                            if (IGNORED.contains(method.getName())
                                    && !(method.getName().equals("rollback") && method.getParameterCount() == 1)) {
                                return null;
                            }
                    }
                    try {
                        return method.invoke(work, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
