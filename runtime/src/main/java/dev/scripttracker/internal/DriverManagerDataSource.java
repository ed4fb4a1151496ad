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

    @Override
    public Connection getConnection() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(url, credentials);
            } catch (SQLException e) {
                if (attempt >= EmbeddedH2HandOver.ATTEMPTS || !isEmbeddedH2OpenedElsewhereAtOnce(e)) {
                    throw e;
                }
                waitBeforeRetry(attempt);
            }
        }
    }

    /**
     * Processes that open one embedded H2 file at the same moment (an application's instances
     * starting together) find its lock file busy until the first has started H2's automatic server.
     */
    private boolean isEmbeddedH2OpenedElsewhereAtOnce(SQLException e) {
        return url.startsWith("jdbc:h2:") && EmbeddedH2HandOver.isUnderway(e);
    }

    private static void waitBeforeRetry(int attempt) throws SQLException {
        try {
            EmbeddedH2HandOver.waitBeforeRetry(attempt);
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
