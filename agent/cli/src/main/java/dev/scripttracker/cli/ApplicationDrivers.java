package dev.scripttracker.cli;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * JDBC drivers from the application's class path. DriverManager only hands out drivers visible to
 * the caller's class loader, so each one is registered through a delegate loaded by ours.
 */
final class ApplicationDrivers {

    private ApplicationDrivers() {
    }

    static void register(ClassLoader application) {
        ClassLoader own = ApplicationDrivers.class.getClassLoader();
        if (application == own) {
            return;
        }
        for (Driver driver : ServiceLoader.load(Driver.class, application)) {
            if (driver.getClass().getClassLoader() == application) {
                try {
                    DriverManager.registerDriver(new Delegate(driver));
                } catch (SQLException e) {
                    throw new IllegalStateException("could not register the JDBC driver " + driver.getClass().getName(), e);
                }
            }
        }
    }

    private record Delegate(Driver driver) implements Driver {

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }
    }
}
