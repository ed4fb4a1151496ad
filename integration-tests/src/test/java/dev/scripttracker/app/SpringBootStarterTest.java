package dev.scripttracker.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring Boot application as its users build it with the integration: the starter and the
 * processor in its pom, one script a {@code @Component} with injected services, one a plain class
 * that only the processor's registry names; packaged by spring-boot-maven-plugin and started with
 * {@code java -jar} (Boot's launcher class loader, nested jars), {@code scripttracker.run-pending=true}.
 */
class SpringBootStarterTest {

    @TempDir
    static Path appDir;
    static SpringBootApp app;

    @TempDir
    Path workingDirectory;
    String url;

    @BeforeAll
    static void buildTheExecutableJar() throws Exception {
        app = SpringBootApp.buildWithStarter(appDir);
    }

    @BeforeEach
    void createTheApplicationsTable() throws SQLException {
        url = "jdbc:h2:file:" + workingDirectory.resolve("db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("create table boot_items (id integer primary key)");
        }
    }

    @Test
    void twoStarts_runTheBeanAndTheRegistryScriptOnceEach_inTheirOrder() throws Exception {
        SpringBootApp.Launch first = app.launchWithoutAgent(workingDirectory, url, Map.of());

        assertEquals(0, first.exitCode(), first.all());
        assertTrue(first.out().contains("APP STARTED"), first.all());
        assertEquals(3, count("select count(*) from boot_items"), first.all());
        assertEquals(2, count("select count(*) from tracked_scripts where status = 'success'"), first.all());
        assertTrue(count("select count(*) from tracked_scripts_history h1 join tracked_scripts_history h2"
                + " on h1.script_id = '" + StarterScripts.BEAN_ID + "' and h2.script_id = '" + StarterScripts.PLAIN_ID
                + "' where h1.started_at <= h2.started_at") == 1, "the bean script ran before the one after it");

        SpringBootApp.Launch second = app.launchWithoutAgent(workingDirectory, url, Map.of());

        assertEquals(0, second.exitCode(), second.all());
        assertEquals(3, count("select count(*) from boot_items"), second.all());
        assertEquals(2, count("select count(*) from tracked_scripts_history"), "one attempt per script over both starts\n"
                + second.all());
    }

    @Test
    void aFailingBeanScript_failsTheStartWithItsError_andItsServicesWritesRollBack() throws Exception {
        SpringBootApp.Launch failed = app.launchWithoutAgent(workingDirectory, url, Map.of("BONUS_FAIL", "true"));

        assertNotEquals(0, failed.exitCode(), failed.all());
        assertTrue(failed.all().contains("bonus ledger closed"), failed.all());
        assertTrue(!failed.out().contains("APP STARTED"), "the application must not start\n" + failed.all());
        assertEquals(0, count("select count(*) from boot_items"), "the @Transactional service's inserts rolled back\n"
                + failed.all());
        assertEquals(1, count("select count(*) from tracked_scripts where script_id = '" + StarterScripts.BEAN_ID
                + "' and status = 'failed'"), failed.all());
        assertEquals(0, count("select count(*) from tracked_scripts where script_id = '" + StarterScripts.PLAIN_ID
                + "' and status = 'success'"), "the script after it did not run\n" + failed.all());
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
