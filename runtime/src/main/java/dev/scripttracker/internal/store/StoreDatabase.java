package dev.scripttracker.internal.store;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptTrackerException;
import dev.scripttracker.internal.EmbeddedH2HandOver;
import dev.scripttracker.internal.JdbcUrls;
import dev.scripttracker.internal.jdbc.ConnectionLender;
import dev.scripttracker.internal.jdbc.MissingDriver;
import dev.scripttracker.internal.jdbc.OwnConnections;
import dev.scripttracker.internal.jdbc.StatementMessages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The store's database: its connections (each in autocommit, whatever the pool's default, and marked
 * as script-tracker's own), what database it is, and the locks' scope. Connects, and creates or checks
 * the tables, when opened; failing then is a set-up problem, failing later an outage.
 */
public final class StoreDatabase {

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final ConnectionLender lender;
    private final String where;
    private final List<String> secrets;
    private final Dialect dialect;
    private final String lockScope;

    private StoreDatabase(DataSource dataSource, String where, List<String> secrets, TableNames tables,
            boolean readOnly) {
        this.dataSource = dataSource;
        this.jdbi = StatementMessages.withoutArguments(Jdbi.create(() -> inAutocommit(OwnConnections.open(dataSource))));
        this.lender = new ConnectionLender(jdbi.getConfig(SqlStatements.class));
        this.where = where;
        this.secrets = List.copyOf(secrets);
        Setup setup = setUp(tables, readOnly);
        this.dialect = setup.dialect();
        this.lockScope = setup.lockScope();
    }

    private record Setup(Dialect dialect, String lockScope) {
    }

    /**
     * @param where the database as messages name it, without secrets
     * @param secrets passwords that drivers' messages must not show
     * @param readOnly check the tables only: never create or upgrade them
     */
    public static StoreDatabase open(DataSource dataSource, String where, List<String> secrets, TableNames tables,
            boolean readOnly) {
        return new StoreDatabase(dataSource, where, secrets, tables, readOnly);
    }

    private static Connection inAutocommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }

    /**
     * Processes starting together on one embedded H2 file may see the process that served it exit
     * meanwhile: then this starts over on a new connection.
     */
    private Setup setUp(TableNames tables, boolean readOnly) {
        for (int attempt = 1; ; attempt++) {
            Handle handle = firstConnection();
            Dialect found = null;
            try {
                found = dialectOf(handle);
                Schema schema = new Schema(tables, found);
                if (readOnly) {
                    schema.check(handle, where);
                } else {
                    schema.ensure(handle);
                }
                return new Setup(found, found.lockScope(handle, tables));
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

    private Handle firstConnection() {
        try {
            return jdbi.open();
        } catch (ConnectionException e) {
            if (MissingDriver.is(e.getCause())) {
                throw new ConfigurationException(MissingDriver.message(where), null);
            }
            throw new ConfigurationException("could not connect to the script-tracker database at " + where + ": "
                    + reason(e.getCause() != null ? e.getCause() : e) + ". Check that the database is running and"
                    + " reachable, and the URL, user and password (SCRIPT_TRACKER_URL, SCRIPT_TRACKER_USER,"
                    + " SCRIPT_TRACKER_PASSWORD).", null);
        }
    }

    public Handle open() {
        try {
            return jdbi.open();
        } catch (ConnectionException e) {
            throw cannotConnect(e.getCause() != null ? e.getCause() : e);
        }
    }

    public <T> T withHandle(Function<Handle, T> work) {
        try (Handle handle = open()) {
            return work.apply(handle);
        }
    }

    /** A connection for an attempt's work session, in autocommit. */
    public Connection openWorkConnection() {
        try {
            return inAutocommit(OwnConnections.open(dataSource));
        } catch (SQLException e) {
            throw cannotConnect(e);
        }
    }

    /** Opens handles over work sessions' connections, sharing the statement caches. */
    public ConnectionLender lender() {
        return lender;
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

    public Dialect dialect() {
        return dialect;
    }

    /** What the database's locks are scoped to (e.g. the database and schema the tables are in). */
    public String lockScope() {
        return lockScope;
    }
}
