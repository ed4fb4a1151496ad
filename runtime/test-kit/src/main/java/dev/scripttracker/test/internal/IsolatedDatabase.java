package dev.scripttracker.test.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One test's own database: a fresh in-memory H2 database by default, or a fresh schema (PostgreSQL, H2)
 * or database (MySQL, MariaDB) on the server named by {@value #URL_PROPERTY}, dropped when the test ends.
 * Every connection it gives works in that schema, so the test's tables and the tracker's are its own.
 */
public final class IsolatedDatabase implements AutoCloseable {

    public static final String URL_PROPERTY = "scripttracker.test.url";
    public static final String USER_PROPERTY = "scripttracker.test.user";
    public static final String PASSWORD_PROPERTY = "scripttracker.test.password";
    /** The tracker's tables in a test: the default prefix, so that a test may read them by their usual names. */
    public static final String TRACKER_PREFIX = "tracked_scripts";

    private final FaultInjection faults = new FaultInjection(TRACKER_PREFIX);
    private final DataSource dataSource = KitDataSource.of(this::getConnection, "the test's database");

    private final Vendor vendor;
    private final String url;
    private final String user;
    private final String password;
    /** The schema every connection uses; null for the default in-memory database, which is all the test's. */
    private final String schema;
    private boolean closed;

    private IsolatedDatabase(Vendor vendor, String url, String user, String password, String schema) {
        this.vendor = vendor;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** A fresh database as the system properties say. */
    public static IsolatedDatabase open() {
        String name = "st_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = System.getProperty(URL_PROPERTY, "").trim();
        if (url.isEmpty()) {
            return new IsolatedDatabase(Vendor.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null, null);
        }
        Vendor vendor = Vendor.ofUrl(url, "system property " + URL_PROPERTY);
        IsolatedDatabase database = new IsolatedDatabase(vendor, url, System.getProperty(USER_PROPERTY),
                System.getProperty(PASSWORD_PROPERTY), name);
        database.onServer(vendor.createStatement(name), "create the test's schema " + name);
        return database;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The schema (MySQL/MariaDB: database) the test works in, as the database's metadata names it. */
    public String schema() {
        return schema == null ? "PUBLIC" : vendor.stored(schema);
    }

    /** Whether a table (lower-case name) is one of the tracker's, which snapshots leave out. */
    public static boolean isTrackerTable(String name) {
        return name.startsWith(TRACKER_PREFIX);
    }

    /** Until {@link #disarm()}, the tracker's batch checkpoints on this database's connections count towards {@code fault}. */
    public void arm(BatchFault fault) {
        faults.arm(fault);
    }

    public void disarm() {
        faults.disarm();
    }

    /** Connections in the test's schema, their tracker checkpoints open to an armed {@link BatchFault}. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Connection getConnection() throws SQLException {
        Connection connection = connect();
        if (schema != null) {
            vendor.use(connection, schema);
        }
        return faults.wrap(connection);
    }

    private Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /** Drops the test's schema (or shuts the in-memory database down). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        onServer(schema == null ? "shutdown" : vendor.dropStatement(schema), "drop the test's schema " + schema);
    }

    private void onServer(String sql, String what) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the script-tracker test kit could not " + what + " on " + redacted()
                    + ": " + e.getMessage() + ". Check that the server is up and that " + URL_PROPERTY + " (and "
                    + USER_PROPERTY + ", " + PASSWORD_PROPERTY + ") name a user who may create schemas.", e);
        }
    }

    private String redacted() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^/@]*@", "//$1:***@");
    }

    @Override
    public String toString() {
        return redacted() + (schema == null ? "" : " (schema " + schema.toLowerCase(Locale.ROOT) + ")");
    }
}
