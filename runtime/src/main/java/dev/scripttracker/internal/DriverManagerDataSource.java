package dev.scripttracker.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A connection per call from a JDBC URL: enough for a command-line run, no pool to configure. */
public final class DriverManagerDataSource implements DataSource {

    private final String url;
    private final Properties credentials = new Properties();

    public DriverManagerDataSource(String url, String user, String password) {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
    }

    private static final int H2_OPEN_ATTEMPTS = 20;

    @Override
    public Connection getConnection() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(url, credentials);
            } catch (SQLException e) {
                if (attempt >= H2_OPEN_ATTEMPTS || !isEmbeddedH2OpenedElsewhereAtOnce(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Processes that open one embedded H2 file at the same moment (an application's instances
     * starting together) find its lock file busy until the first has started H2's automatic server.
     */
    private boolean isEmbeddedH2OpenedElsewhereAtOnce(SQLException e) {
        return url.startsWith("jdbc:h2:") && isEmbeddedH2Busy(e);
    }

    /**
     * Whether {@code failure} is H2 finding its file busy while processes sharing it (AUTO_SERVER) hand
     * its server over: when the process serving the file exits, the others reconnect and may briefly see this.
     */
    public static boolean isEmbeddedH2Busy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Lock file recently modified") || message.contains("Another process was faster")
                    || message.contains("Database may be already in use") || message.contains("Database is already closed")
                    || message.contains("Connection is broken") || isLockFileRewrittenWhileOpening(t, message)) {
                return true;
            }
        }
        return false;
    }

    /**
     * H2 writes its lock file, waits a moment and reads it back; when another process wrote it meanwhile it
     * fails to open with "Concurrent update" (not to be confused with error 90131, a conflict on a table row).
     */
    private static boolean isLockFileRewrittenWhileOpening(Throwable t, String message) {
        return t instanceof SQLException && ((SQLException) t).getErrorCode() == H2_ERROR_OPENING_DATABASE
                && message.contains("Concurrent update");
    }

    private static final int H2_ERROR_OPENING_DATABASE = 8000;

    private static void pause(int attempt) throws SQLException {
        try {
            Thread.sleep(100L + 50L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to open the embedded H2 database", interrupted);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
