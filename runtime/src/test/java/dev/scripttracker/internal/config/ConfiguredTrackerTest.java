package dev.scripttracker.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.ScriptTrackerBuilder;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.internal.Operator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on an H2 file database: configured values reach the tracker that is built. */
class ConfiguredTrackerTest {

    @TempDir
    Path directory;

    @TrackedScript(id = "0001_configured_noop")
    public static class Noop implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.log("ran");
        }
    }

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
    }

    /** Runs the script once and returns who the history says ran it. */
    private static String runAndReadOperator(ScriptTrackerBuilder builder) {
        try (ScriptTracker tracker = builder.register(Noop.class).build()) {
            tracker.runPending();
            List<HistoryEntry> history = tracker.history("0001_configured_noop");
            assertEquals(1, history.size());
            return history.get(0).executedBy();
        }
    }

    private long rowsIn(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url());
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void valuesFromEverySourceReachTheTracker() throws IOException, SQLException {
        Files.writeString(directory.resolve("script-tracker.properties"), "url=" + url() + "\noperator=from-file\n");
        Properties systemProperties = new Properties();
        systemProperties.setProperty("scripttracker.lock-wait", "2s");
        Map<ConfigKey, ConfiguredValue> resolved = ConfigurationSources.withDefaultFile(
                Map.of("--operator", "tester@ci"), Map.of("SCRIPT_TRACKER_TABLE_PREFIX", "configured_scripts"),
                systemProperties, directory).resolve();

        String operator = runAndReadOperator(ConfigurationApplier.apply(resolved, ScriptTracker.builder()));

        assertEquals("tester@ci", operator);
        assertEquals(1, rowsIn("configured_scripts"));
        assertEquals(1, rowsIn("configured_scripts_history"));
    }

    @Test
    void settingsSetNowhereKeepTheDefaults() throws SQLException {
        Map<ConfigKey, ConfiguredValue> nothing =
                ConfigurationSources.withDefaultFile(Map.of(), Map.of(), new Properties(), directory).resolve();
        assertTrue(nothing.isEmpty());

        String operator = runAndReadOperator(
                ConfigurationApplier.apply(nothing, ScriptTracker.builder().jdbcUrl(url())));

        assertEquals(Operator.current(), operator);
        assertEquals(1, rowsIn("tracked_scripts"));
    }

    @Test
    void thePublicEntryPointAppliesFlags() throws SQLException {
        String operator = runAndReadOperator(ScriptTracker.builder()
                .configure(Map.of("url", url(), "table-prefix", "via_flags", "operator", "flagged@host")));

        assertEquals("flagged@host", operator);
        assertEquals(1, rowsIn("via_flags"));
    }
}
