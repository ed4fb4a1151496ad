package dev.scripttracker.agent;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.JdbcUrls;
import dev.scripttracker.internal.jdbc.OwnConnections;
import dev.scripttracker.internal.store.SessionIdentity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/**
 * Binds the connections a running script takes on its own to the script's transaction: while a
 * tracked run is under way on a thread, {@code getConnection()} on a DataSource, and
 * {@code Driver.connect} (so {@code DriverManager} and data sources built on it such as
 * {@code PGSimpleDataSource}), hand out the run's own connection when they lead to the same database
 * as the store (same server, database, user and schema, as the server says), so the script's work
 * commits with its success record or rolls back with its failure. A connection to anything else is
 * handed out as usual, and the run is told, so that its record never claims that work was rolled back.
 * Savepoints work; commits, full rollbacks, autocommit, isolation and read-only changes are the run's.
 * A connection pool filling itself on the script's thread (a {@code new HikariDataSource(config)} in the
 * script) gets real connections of its own, never the run's: the run's connection would stay in the
 * pool after the run. A handed-out run's connection refuses to work once that run is no longer the one
 * under way on the calling thread.
 * Public because woven code in DataSource and Driver classes calls it.
 */
public final class ConnectionBinding {

    private static final ThreadLocal<Boolean> PASS_THROUGH = new ThreadLocal<>();
    /**
     * Per DataSource object, or per driver, URL and user: the identity of the session it leads to, compared
     * with the identity of each run's own connection (several trackers, on several stores, may run in one JVM).
     */
    private static final Map<Object, String> SOURCE_IDENTITY = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<String, String> SOURCE_IDENTITY_BY_URL = new ConcurrentHashMap<>();
    /** Per run's connection, while it lives: the identity of the store's session it is. */
    private static final Map<Connection, String> WORK_IDENTITY = Collections.synchronizedMap(new WeakHashMap<>());
    /** The identity of a database script-tracker does not support: like no other, not even itself. */
    private static final String UNSUPPORTED = "";
    /** Connection pools whose own code may open connections on the script's thread. */
    private static final List<String> POOL_PACKAGES = List.of("com.zaxxer.hikari.", "org.apache.commons.dbcp",
            "org.apache.tomcat.jdbc.pool.", "org.apache.tomcat.dbcp.", "com.mchange.v2.c3p0.", "io.agroal.",
            "oracle.ucp.", "com.alibaba.druid.pool.", "org.vibur.dbcp.");
    private static final int POOL_FRAMES = 64;
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Left to the run; with arguments, rollback(Savepoint) still goes through. */
    private static final Set<String> IGNORED = Set.of("close", "commit", "rollback", "setAutoCommit",
            "setTransactionIsolation", "setReadOnly");

    private static final String ANOTHER_DATABASE = " (another database than the store's: the server, database, user"
            + " or schema differ)";

    private ConnectionBinding() {
    }

    /**
     * For {@code DataSource.getConnection(...)} and {@code Driver.connect(url, properties)}.
     *
     * @return the connection to hand out instead of a new one, or null to let the DataSource or driver
     *     work as usual (no tracked run on this thread, another database, or our own look at it)
     */
    public static Object boundConnection(Object source, Method open, Object[] arguments) {
        return source instanceof Driver ? boundDriverConnection(source, open, arguments)
                : boundDataSourceConnection(source, open, arguments);
    }

    private static Object boundDataSourceConnection(Object dataSource, Method getConnection, Object[] arguments) {
        ScriptContext ctx = bindingContext();
        if (ctx == null || poolIsFillingItself(ctx)) {
            return null;
        }
        Connection work = ctx.connection();
        String theirs = SOURCE_IDENTITY.get(dataSource);
        if (theirs == null) {
            try (Connection own = (Connection) openPassingThrough(dataSource, getConnection, arguments)) {
                theirs = identityOf(own);
            } catch (SQLException e) {
                throw cannotLook(dataSource.getClass().getName(), e);
            }
            SOURCE_IDENTITY.put(dataSource, theirs);
        }
        if (!isTheStoresDatabase(theirs, work)) {
            outside(ctx, dataSource.getClass().getName() + ANOTHER_DATABASE);
            return null;
        }
        return sharing(ctx, work);
    }

    /**
     * {@code Driver.connect}, which {@code DriverManager} and simple data sources call. A driver answers
     * null for a URL that is not its own; so does this, then.
     */
    private static Object boundDriverConnection(Object driver, Method connect, Object[] arguments) {
        ScriptContext ctx = bindingContext();
        if (ctx == null || !(arguments[0] instanceof String url) || poolIsFillingItself(ctx)) {
            return null;
        }
        Properties properties = arguments[1] instanceof Properties p ? p : new Properties();
        String key = driver.getClass().getName() + "|" + url + "|" + properties.getProperty("user");
        Connection work = ctx.connection();
        String theirs = SOURCE_IDENTITY_BY_URL.get(key);
        if (theirs == null) {
            Connection own = (Connection) openPassingThrough(driver, connect, arguments);
            if (own == null) {
                return null;
            }
            try {
                theirs = identityOf(own);
                SOURCE_IDENTITY_BY_URL.put(key, theirs);
                if (!isTheStoresDatabase(theirs, work)) {
                    outside(ctx, JdbcUrls.redact(url) + ANOTHER_DATABASE);
                    return own;
                }
                own.close();
            } catch (SQLException e) {
                closeQuietly(own);
                throw cannotLook(JdbcUrls.redact(url), e);
            }
        }
        if (!isTheStoresDatabase(theirs, work)) {
            outside(ctx, JdbcUrls.redact(url) + ANOTHER_DATABASE);
            return null;
        }
        return sharing(ctx, work);
    }

    /** A driver handed out a connection of its own to the running script: its work there is not the run's. */
    public static void connectedOutside(Object url) {
        ScriptContext ctx = bindingContext();
        if (ctx != null && !poolIsFillingItself(ctx)) {
            outside(ctx, JdbcUrls.redact(String.valueOf(url)) + " (through DriverManager, whose connections from this"
                    + " driver cannot be bound: take them from a DataSource or ScriptContext.connection())");
        }
    }

    /** The run on this thread whose connection may be shared; null when nothing is to be bound. */
    private static ScriptContext bindingContext() {
        if (PASS_THROUGH.get() != null || OwnConnections.isOpening()) {
            return null;
        }
        ScriptContext ctx = ScriptContext.find().orElse(null);
        // NONE: the script asked for no transaction, so the application's own commits stand.
        return ctx == null || ctx.definition().transaction() == Transaction.NONE ? null : ctx;
    }

    private static void outside(ScriptContext ctx, String where) {
        ctx.wroteOutsideItsTransaction(where);
        System.err.println("[script-tracker] script " + ctx.definition().id() + " takes a connection that script-tracker"
                + " cannot bind to its transaction: " + where + ". Its work there is NOT part of the script's"
                + " transaction, and the run's record will say so");
    }

    private static Object openPassingThrough(Object target, Method open, Object[] arguments) {
        PASS_THROUGH.set(Boolean.TRUE);
        try {
            return open.invoke(target, arguments);
        } catch (InvocationTargetException | IllegalAccessException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw cannotLook(target.getClass().getName(), cause);
        } finally {
            PASS_THROUGH.remove();
        }
    }

    /** Whether a session of this identity is one of the store's, whose connection {@code work} is this run's. */
    private static boolean isTheStoresDatabase(String theirs, Connection work) {
        if (theirs.equals(UNSUPPORTED)) {
            return false;
        }
        String store = WORK_IDENTITY.get(work);
        if (store == null) {
            try {
                store = identityOf(work);
            } catch (SQLException e) {
                throw cannotLook("the running script's own connection", e);
            }
            WORK_IDENTITY.put(work, store);
        }
        return theirs.equals(store);
    }

    /** A database script-tracker does not support is, by that alone, another one than the store's. */
    private static String identityOf(Connection connection) throws SQLException {
        try {
            return SessionIdentity.of(connection);
        } catch (ConfigurationException unsupported) {
            return UNSUPPORTED;
        }
    }

    /**
     * Whether the intercepted {@code getConnection} or {@code connect} is called by a connection pool's own
     * code (filling itself, as {@code new HikariDataSource(config)} does), not by the script: the pool then
     * gets a connection of its own, which it keeps after the run. When the pool is a DataSource whose
     * {@code getConnection} is bound, the script's work through it is bound there; any other pool's is
     * not, and the run is told.
     */
    private static boolean poolIsFillingItself(ScriptContext ctx) {
        List<Class<?>> callers = STACK.walk(frames -> frames
                .dropWhile(frame -> frame.getDeclaringClass() == ConnectionBinding.class)
                .skip(1) // the intercepted getConnection or connect itself, into which the advice is inlined
                .limit(POOL_FRAMES)
                .<Class<?>>map(StackWalker.StackFrame::getDeclaringClass)
                .toList());
        Class<?> pool = callers.stream().filter(c -> DataSource.class.isAssignableFrom(c) || isPoolCode(c))
                .findFirst().orElse(null);
        if (pool == null) {
            return false;
        }
        if (callers.stream().noneMatch(ConnectionBinding::hasBoundGetConnection)) {
            outside(ctx, "the connection pool " + pool.getName() + " (created inside the script: its connections"
                    + " are its own, not the run's; take them from a DataSource or ScriptContext.connection())");
        }
        return true;
    }

    private static boolean isPoolCode(Class<?> c) {
        String name = c.getName();
        return POOL_PACKAGES.stream().anyMatch(name::startsWith);
    }

    /** A DataSource class whose {@code getConnection()} the agent weaves (see DataSourceInstrumentation). */
    private static boolean hasBoundGetConnection(Class<?> c) {
        if (!DataSource.class.isAssignableFrom(c) || c.isInterface()) {
            return false;
        }
        try {
            Class<?> declaring = c.getMethod("getConnection").getDeclaringClass();
            String name = declaring.getName();
            return DataSource.class.isAssignableFrom(declaring) && !declaring.isInterface()
                    && !name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")
                    && !name.startsWith("dev.scripttracker.");
        } catch (NoSuchMethodException | SecurityException e) {
            return false;
        }
    }

    private static IllegalStateException cannotLook(String what, Throwable cause) {
        return new IllegalStateException("script-tracker could not look at " + what + " to bind it to the running"
                + " script: " + cause, cause);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it was only opened to be looked at
        }
    }

    /**
     * The run's connection as the script's code sees it: closing, committing, rolling back and
     * switching autocommit are left to the run, which commits or rolls back everything at its end. Once
     * {@code ctx}'s run is not the one under way on the calling thread (it ended, or the connection went to
     * another thread), it is closed to its holder: the connection underneath may serve another run by then.
     */
    private static Connection sharing(ScriptContext ctx, Connection work) {
        String lentTo = ctx.definition().id();
        return (Connection) Proxy.newProxyInstance(ConnectionBinding.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (ScriptContext.find().orElse(null) != ctx) {
                        return afterItsRun(lentTo, proxy, method, args);
                    }
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

    /** A run's connection used after the run (kept by a pool, say): closed, and it says whose it was. */
    private static Object afterItsRun(String lentTo, Object proxy, Method method, Object[] args) throws SQLException {
        return switch (method.getName()) {
            case "isClosed" -> true;
            case "isValid" -> false;
            case "close", "abort" -> null;
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "script-tracker's connection of the ended run of script " + lentTo;
            default -> throw new SQLException("this connection was script " + lentTo + "'s run's connection, bound"
                    + " by script-tracker for that run only, and the run is over (or this is another thread than the"
                    + " script's): take a new connection", "08003");
        };
    }
}
