package dev.scripttracker.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.internal.DriverManagerDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's tables on MariaDB are utf8mb4 whatever the database's default, so 4-byte characters are kept. */
class MariaDbTableCharsetTest {

    private static final String SERVER = System.getProperty("test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
    static final String EMOJI = "done \uD83C\uDF89 \uD834\uDD1E";

    private String database;
    private String url;

    @BeforeEach
    void createALatin1Database() throws Exception {
        database = "st_latin1_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        admin("create database " + database + " character set latin1 collate latin1_swedish_ci");
        url = SERVER.replace("/test?", "/" + database + "?");
    }

    @AfterEach
    void dropIt() throws Exception {
        admin("drop database if exists " + database);
    }

    @TrackedScript(id = "0901_logs_emoji")
    public static class LogsEmoji implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.log(EMOJI);
        }
    }

    @Test
    void storeTables_areUtf8mb4InALatin1Database_andKeepFourByteCharacters() {
        RunResult result;
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(new DriverManagerDataSource(url, null, null))
                .register(LogsEmoji.class).build()) {
            result = tracker.run("0901_logs_emoji");
        }

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.toString());
        try (Handle h = Jdbi.create(url).open()) {
            assertEquals("latin1_swedish_ci", h.createQuery("select default_collation_name from information_schema.schemata"
                    + " where schema_name = database()").mapTo(String.class).one(), "the test's premise: a latin1 database");
            List<String> collations = h.createQuery("select concat(table_name, ' ', table_collation) from"
                            + " information_schema.tables where table_schema = database() order by table_name")
                    .mapTo(String.class).list();
            assertTrue(collations.size() >= 4, collations.toString());
            assertTrue(collations.stream().allMatch(c -> c.endsWith(" utf8mb4_bin")), collations.toString());
            String output = h.createQuery("select output from tracked_scripts").mapTo(String.class).one();
            assertTrue(output.contains(EMOJI), output);
            String history = h.createQuery("select output from tracked_scripts_history").mapTo(String.class).one();
            assertTrue(history.contains(EMOJI), history);
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
