package dev.scripttracker.internal.run;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptTrackerException;
import dev.scripttracker.internal.EmbeddedH2HandOver;
import dev.scripttracker.internal.JdbcUrls;
import dev.scripttracker.internal.jdbc.ConnectionLender;
import dev.scripttracker.internal.jdbc.MissingDriver;
import dev.scripttracker.internal.jdbc.OwnConnections;
import dev.scripttracker.internal.jdbc.StatementMessages;
import dev.scripttracker.internal.registry.ScriptCatalog;
import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.Dialects;
import dev.scripttracker.internal.store.Schema;
import dev.scripttracker.internal.store.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The connected engine: the store's database, its dialect and tables, the scripts, and the
 * threads for heartbeats and deadlines. Connects and checks the schema when created.
 */
public final class Engine implements AutoCloseable {

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final String where;
    private final List<String> secrets;
    private final Settings settings;
    private final ScriptCatalog catalog;
    private final Dialect dialect;
    private final String lockScope;
    private final StateStore store;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ShutdownWatch shutdownWatch;
    private final LockWait lockWait;
    private final Interruptions interruptions;

    private final boolean readOnly;
    private final ConnectionLender lender;

    private Engine(DataSource dataSource, String where, List<String> secrets, Settings settings,
            ScriptCatalog catalog, boolean readOnly) {
        // Every session starts in autocommit, whatever the pool's default: the engine opens its own transactions.
        this.dataSource = dataSource;
        this.jdbi = StatementMessages.withoutArguments(Jdbi.create(() -> inAutocommit(OwnConnections.open(dataSource))));
        this.lender = new ConnectionLender(jdbi.getConfig(SqlStatements.class));
        this.where = where;
        this.secrets = List.copyOf(secrets);
        this.settings = settings;
        this.catalog = catalog;
        this.readOnly = readOnly;
        StoreSetup setup = setUpStore();
        this.dialect = setup.dialect();
        this.lockScope = setup.lockScope();
        this.store = new StateStore(settings.tables(), dialect);
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("script-tracker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.lockWait = new LockWait(store, dialect, settings.clock());
        this.interruptions = new Interruptions(store, settings.clock());
        this.shutdownWatch = new ShutdownWatch(store, interruptions);
    }

    /**
     * @param secrets passwords that drivers' messages must not show
     */
    public static Engine connect(DataSource dataSource, String where, List<String> secrets, Settings settings,
            ScriptCatalog catalog) {
        return new Engine(dataSource, where, secrets, settings, catalog, false);
    }

    /**
     * Connects for reading only: the tables are checked, never created or upgraded, and the
     * operations that write refuse to run.
     */
    public static Engine connectReadOnly(DataSource dataSource, String where, List<String> secrets,
            Settings settings, ScriptCatalog catalog) {
        return new Engine(dataSource, where, secrets, settings, catalog, true);
    }

    /** @throws ConfigurationException when the engine was connected read-only */
    public void requireWritable(String operation) {
        if (readOnly) {
            throw new ConfigurationException("cannot " + operation + ": this tracker was opened read-only"
                    + " (ScriptTrackerBuilder.readOnly()); build one without readOnly() to change anything");
        }
    }

    private static Connection inAutocommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private record StoreSetup(Dialect dialect, String lockScope) {
    }

    /**
     * Learns what the database is, creates or checks the tables (only checks them when read-only) and finds the locks' scope. Processes
     * starting together on one embedded H2 file may see the process that served it exit meanwhile:
     * then this starts over on a new connection.
     */
    private StoreSetup setUpStore() {
        for (int attempt = 1; ; attempt++) {
            Handle handle = firstConnection();
            Dialect found = null;
            try {
                found = dialectOf(handle);
                Schema schema = new Schema(settings.tables(), found);
                if (readOnly) {
                    schema.check(handle, where);
                } else {
                    schema.ensure(handle);
                }
                return new StoreSetup(found, found.lockScope(handle, settings.tables()));
            } catch (RuntimeException e) {
                if (found == null || attempt >= EmbeddedH2HandOver.ATTEMPTS || !found.isChangingHands(e)) {
                    throw e;
                }
            } finally {
                closeQuietly(handle);
            }
            waitForTheHandOver(attempt);
        }
    }

    private Dialect dialectOf(Handle handle) {
        try {
            return Dialects.forProductName(handle.getConnection().getMetaData().getDatabaseProductName(), where);
        } catch (SQLException e) {
            throw new ConfigurationException("could not read what database " + where + " is: "
                    + JdbcUrls.scrub(String.valueOf(e.getMessage()), secrets), null);
        }
    }

    /** A connection lost with the process that served the database cannot be closed cleanly, nor needs to be. */
    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException ignored) {
            // closed by the database already
        }
    }

    private static void waitForTheHandOver(int attempt) {
        try {
            EmbeddedH2HandOver.waitBeforeRetry(attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptTrackerException("interrupted while the embedded H2 database changed hands", e);
        }
    }

    /** The connection at start-up: failing here is a set-up problem (URL, credentials, server down). */
    private Handle firstConnection() {
        try {
            return jdbi.open();
        } catch (ConnectionException e) {
            if (MissingDriver.is(e.getCause())) {
                throw new ConfigurationException(MissingDriver.message(where), null);
            }
            throw new ConfigurationException("could not connect to the script-tracker database at " + where + ": "
                    + causeOf(e) + ". Check that the database is running and reachable, and the URL, user and password"
                    + " (SCRIPT_TRACKER_URL, SCRIPT_TRACKER_USER, SCRIPT_TRACKER_PASSWORD).", null);
        }
    }

    /** A connection later on: failing here is an outage or an exhausted pool, not a set-up problem. */
    Handle open() {
        return open(jdbi);
    }

    /** Opens handles over work sessions' connections, sharing the engine's statement caches. */
    ConnectionLender lender() {
        return lender;
    }

    /** A connection for an attempt's work session, in autocommit. */
    Connection openWorkConnection() {
        try {
            return inAutocommit(OwnConnections.open(dataSource));
        } catch (SQLException e) {
            throw cannotConnect(e);
        }
    }

    private Handle open(Jdbi connections) {
        try {
            return connections.open();
        } catch (ConnectionException e) {
            throw cannotConnect(e.getCause() != null ? e.getCause() : e);
        }
    }

    private ScriptTrackerException cannotConnect(Throwable cause) {
        return new ScriptTrackerException("could not get a connection to the script-tracker database at " + where
                + ": " + reason(cause) + ". A run needs two connections at once (its work, which holds its lock, and"
                + " its record): check the pool size and that the database is up.", null);
    }

    /** The driver's reason, without its closing period: the sentence goes on after it. */
    private String reason(Throwable cause) {
        return JdbcUrls.scrub(String.valueOf(cause.getMessage()), secrets).strip().replaceAll("\\.+$", "");
    }

    private String causeOf(ConnectionException e) {
        return reason(e.getCause() != null ? e.getCause() : e);
    }

    public <T> T withHandle(java.util.function.Function<Handle, T> work) {
        try (Handle handle = open()) {
            return work.apply(handle);
        }
    }

    public Settings settings() {
        return settings;
    }

    public ScriptCatalog catalog() {
        return catalog;
    }

    public Dialect dialect() {
        return dialect;
    }

    String lockScope() {
        return lockScope;
    }

    public StateStore store() {
        return store;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The one way a script's lock is taken: for a run, a rollback or a cleanup. */
    LockWait lockWait() {
        return lockWait;
    }

    Interruptions interruptions() {
        return interruptions;
    }

    ShutdownWatch shutdownWatch() {
        return shutdownWatch;
    }

    @Override
    public void close() {
        shutdownWatch.close();
        scheduler.shutdownNow();
    }
}
