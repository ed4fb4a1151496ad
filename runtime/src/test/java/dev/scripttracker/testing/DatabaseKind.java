package dev.scripttracker.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** The databases the tests run on, and how to make a fresh, empty schema on each. */
public enum DatabaseKind {

    H2 {
        @Override
        TestDatabase create(String name) throws Exception {
            Path dir = Files.createTempDirectory("script-tracker-" + name);
            return new TestDatabase(this, name, "jdbc:h2:file:" + dir.resolve("db"), dir);
        }

        @Override
        void drop(TestDatabase db) throws Exception {
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
            TestDatabase.deleteRecursively(db.directory());
        }

        @Override
        public String unreachableUrl() {
            return "jdbc:h2:tcp://127.0.0.1:1/nowhere;PASSWORD=hunter2secret";
        }
    },

    POSTGRES {
        @Override
        TestDatabase create(String name) throws Exception {
            String base = server("test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            admin(base, "create schema " + name);
            return new TestDatabase(this, name, base + "&currentSchema=" + name, null);
        }

        @Override
        void drop(TestDatabase db) throws Exception {
            admin(server("test.postgres.url", null), "drop schema " + db.name() + " cascade");
        }

        @Override
        public String unreachableUrl() {
            return "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2secret&connectTimeout=2";
        }
    },

    MARIADB {
        @Override
        TestDatabase create(String name) throws Exception {
            String base = server("test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
            admin(base, "create database " + name);
            return new TestDatabase(this, name, base.replace("/test?", "/" + name + "?"), null);
        }

        @Override
        void drop(TestDatabase db) throws Exception {
            admin(server("test.mariadb.url", null), "drop database " + db.name());
        }

        @Override
        public String unreachableUrl() {
            return "jdbc:mariadb://root:hunter2secret@127.0.0.1:1/test?connectTimeout=2000";
        }
    };

    abstract TestDatabase create(String name) throws Exception;

    abstract void drop(TestDatabase db) throws Exception;

    /** A URL where no database answers, with a password that must never appear in messages. */
    public abstract String unreachableUrl();

    public static final String UNREACHABLE_PASSWORD = "hunter2secret";

    public TestDatabase createFresh() {
        String name = "st_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try {
            return create(name);
        } catch (Exception e) {
            throw new IllegalStateException(this + " is not reachable, so its tests cannot run: " + e.getMessage()
                    + ". Start it (see DEVELOPERS.md / .ci/run) or set -Dtest.postgres.url / -Dtest.mariadb.url.", e);
        }
    }

    private static String server(String property, String fallback) {
        return System.getProperty(property, fallback);
    }

    private static void admin(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
