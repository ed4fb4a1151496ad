package dev.scripttracker.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent with a Spring Boot executable jar: {@code java -javaagent:script-tracker.jar -jar app.jar},
 * the application's classes in BOOT-INF/classes and its libraries nested under BOOT-INF/lib, loaded by
 * Spring Boot's launcher class loader. A {@code @Component} {@code CommandLineRunner} script writes
 * through the application's own {@code JdbcTemplate} (HikariCP), and that work commits or rolls back
 * with the script's record.
 */
class SpringBootAgentTest {

    @TempDir
    static Path appDir;
    static SpringBootApp app;

    @TempDir
    Path workingDirectory;
    String url;

    @BeforeAll
    static void buildTheExecutableJar() throws Exception {
        assertTrue(Files.isRegularFile(SpringBootApp.AGENT), "build the agent first: " + SpringBootApp.AGENT);
        app = SpringBootApp.build(appDir);
    }

    @BeforeEach
    void createTheApplicationsTable() throws SQLException {
        // Both the store and the application's DataSource; several JVMs share the file through its server.
        url = "jdbc:h2:file:" + workingDirectory.resolve("db") + ";AUTO_SERVER=TRUE";
        SpringBootApp.createItemsTable(url);
    }

    @Test
    void commandLineRunner_runsOnceAcrossTwoLaunches_andTheAppStillStarts() throws Exception {
        SpringBootApp.Launch first = app.launch(workingDirectory, url, Map.of());

        assertEquals(0, first.exitCode(), first.all());
        assertTrue(first.out().contains("RUNNER INSERTED"), first.all());
        assertTrue(first.out().contains("APP STARTED"), first.all());
        assertEquals(1, count("select count(*) from boot_items"), first.all());
        assertEquals(1, count("select count(*) from tracked_scripts where script_id = '" + SpringBootApp.SCRIPT_ID
                + "' and status = 'success'"), first.all());

        SpringBootApp.Launch second = app.launch(workingDirectory, url, Map.of());

        assertEquals(0, second.exitCode(), second.all());
        assertFalse(second.out().contains("RUNNER INSERTED"), "the runner's body must not run again\n" + second.all());
        assertTrue(second.out().contains("APP STARTED"), second.all());
        assertEquals(1, second.err().lines().filter(l -> l.contains("already success")).count(),
                "one line on stderr says the script already succeeded\n" + second.all());
        assertEquals(1, count("select count(*) from boot_items"), second.all());
        assertEquals(1, count("select count(*) from tracked_scripts where status = 'success'"), second.all());
    }

    @Test
    void failingCommandLineRunner_failsTheStart_andItsJdbcTemplateInsertIsRolledBack() throws Exception {
        SpringBootApp.Launch launch = app.launch(workingDirectory, url, Map.of("BOOT_FIX_FAIL", "true"));

        assertNotEquals(0, launch.exitCode(), launch.all());
        assertTrue(launch.out().contains("RUNNER INSERTED"), "the runner's body ran up to its failure\n" + launch.all());
        assertTrue((launch.out() + launch.err()).contains("boom after the JdbcTemplate insert"), launch.all());
        assertFalse(launch.out().contains("APP STARTED"), launch.all());
        assertEquals(0, count("select count(*) from boot_items"),
                "the JdbcTemplate insert must be rolled back with the script\n" + launch.all());
        assertEquals(1, count("select count(*) from tracked_scripts where script_id = '" + SpringBootApp.SCRIPT_ID
                + "' and status = 'failed'"), launch.all());
    }

    @Test
    void commandLineRunnerThatFailedThreeTimes_waitsUntilTheAgentIsToldToRunItById() throws Exception {
        for (int launch = 1; launch <= 3; launch++) {
            SpringBootApp.Launch failing = app.launch(workingDirectory, url, Map.of("BOOT_FIX_FAIL", "true"));
            assertNotEquals(0, failing.exitCode(), failing.all());
        }

        SpringBootApp.Launch parked = app.launch(workingDirectory, url, Map.of());

        assertEquals(0, parked.exitCode(), parked.all());
        assertFalse(parked.out().contains("RUNNER INSERTED"), "not retried automatically\n" + parked.all());
        assertTrue(parked.err().contains("did not succeed 3 times in a row"), parked.all());
        assertTrue(parked.err().contains("-javaagent:script-tracker.jar=run=" + SpringBootApp.SCRIPT_ID), parked.all());

        SpringBootApp.Launch byId = app.launch(workingDirectory, url, Map.of(), "run=" + SpringBootApp.SCRIPT_ID);

        assertEquals(0, byId.exitCode(), byId.all());
        assertTrue(byId.out().contains("RUNNER INSERTED"), byId.all());
        assertEquals(1, count("select count(*) from boot_items"), byId.all());
        assertEquals(1, count("select count(*) from tracked_scripts where script_id = '" + SpringBootApp.SCRIPT_ID
                + "' and status = 'success' and attempt = 4"), byId.all());
    }

    @Test
    void runPending_runsTheScriptsInsideTheExecutableJarBeforeTheApplicationsMain() throws Exception {
        SpringBootApp.Launch launch = app.launch(workingDirectory, url, Map.of(), "run-pending");

        assertEquals(0, launch.exitCode(), launch.all());
        assertTrue(launch.err().contains(SpringBootApp.PENDING_ID + " SUCCEEDED"), launch.all());
        assertTrue(launch.out().contains("APP STARTED"), launch.all());
        assertEquals(1, count("select count(*) from boot_items where id = 100"), launch.all());
        assertEquals(1, count("select count(*) from tracked_scripts where script_id = '" + SpringBootApp.PENDING_ID
                + "' and status = 'success'"), launch.all());
    }

    private long count(String sql) throws SQLException {
        return SpringBootApp.count(url, sql);
    }
}
