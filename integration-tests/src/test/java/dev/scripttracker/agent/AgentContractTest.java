package dev.scripttracker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in child JVMs, on each database: the application is launched with
 * -javaagent:script-tracker.jar and SCRIPT_TRACKER_URL, as in production.
 */
abstract class AgentContractTest {

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    @TempDir
    static Path appDir;
    @TempDir
    static Path pendingAppDir;
    static AgentApp app;
    static AgentApp pendingApp;
    @TempDir
    Path workingDirectory;
    TestDatabase db;

    abstract DatabaseKind kind();

    /** The store's URL as the launched application sees it. */
    String storeUrl() {
        return db.url();
    }

    @BeforeAll
    static void compileTheApplication() throws Exception {
        app = AgentApp.compile(appDir);
        pendingApp = AgentApp.compileWithoutFailures(pendingAppDir);
    }

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table agent_items (id integer primary key)", "create table agent_counter (n integer not null)",
                "insert into agent_counter (n) values (0)");
    }

    AgentApp.Launch launch(String agentOptions, String mainClass, String... arguments) throws Exception {
        return app.launch(workingDirectory, Map.of("SCRIPT_TRACKER_URL", storeUrl()), agentOptions, mainClass,
                arguments);
    }

    @Test
    void connectionsFromTheApplicationsOwnPool_commitWithTheScript() throws Exception {
        AgentApp.Launch launch = launch("", "PooledFix");

        assertEquals(0, launch.exitCode(), launch.err());
        assertEquals(1, db.count("select count(*) from agent_items where id = 3"));
        assertEquals(1, db.count("select count(*) from tracked_scripts where status = 'success'"));
    }

    @Test
    void aPoolCreatedInsideTheScript_keepsOnlyConnectionsOfItsOwn() throws Exception {
        AgentApp.Launch launch = launch("", "PoolAfterRun");

        assertEquals(0, launch.exitCode(), launch.out() + launch.err());
        assertTrue(launch.out().contains("POOL AFTER RUN autocommit=true runs session=false"), launch.out() + launch.err());
        assertEquals(1, db.count("select count(*) from agent_items where id = 7"), "the script's work, with its run");
        assertEquals(1, db.count("select count(*) from agent_items where id = 8"),
                "the work after the run, on the pool's own connection, committed on its own");
        assertEquals("success", db.text("select status from tracked_scripts"));
        assertEquals("SCRIPT", db.text("select transaction_mode from tracked_scripts"),
                "the pool's own connections are not work outside the script's transaction");
        assertFalse(launch.err().contains("cannot bind to its transaction"), launch.err());
    }

    @Test
    void connectionsFromTheApplicationsOwnPool_rollBackWhenTheScriptFails() throws Exception {
        AgentApp.Launch launch = launch("", "PooledFix", "fail");

        assertNotEquals(0, launch.exitCode());
        assertTrue(launch.err().contains("failed after the pool's insert"), launch.err());
        assertEquals(0, db.count("select count(*) from agent_items"),
                "the pool's insert and its explicit commit must be undone with the script");
    }

    @Test
    void springTransactionInsideAFailingScript_isRolledBackWithIt() throws Exception {
        AgentApp.Launch failing = launch("", "SpringFix", "fail");
        AgentApp.Launch passing = launch("", "SpringFix");

        assertNotEquals(0, failing.exitCode());
        assertEquals(0, passing.exitCode(), passing.err());
        assertEquals(1, db.count("select count(*) from agent_items where id = 4"));
        assertEquals(1, db.count("select count(*) from tracked_scripts_history where status = 'failed'"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"driver-manager", "simple-data-source"})
    void plainJdbcConnectionsToTheStoresDatabase_commitWithTheScript(String how) throws Exception {
        AgentApp.Launch launch = launch("", "PlainJdbcFix", how);

        assertEquals(0, launch.exitCode(), launch.err());
        assertEquals(1, db.count("select count(*) from agent_items where id = 5"));
        assertEquals(1, db.count("select count(*) from tracked_scripts where status = 'success'"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"driver-manager", "simple-data-source"})
    void plainJdbcConnectionsToTheStoresDatabase_rollBackWhenTheScriptFails(String how) throws Exception {
        AgentApp.Launch launch = launch("", "PlainJdbcFix", how, "fail");

        assertNotEquals(0, launch.exitCode());
        assertTrue(launch.err().contains("failed after a plain JDBC insert"), launch.err());
        String recorded = db.text("select error_message from tracked_scripts_history where status = 'failed'");
        if (how.equals("driver-manager") && !bindsDriverManagerConnections()) {
            assertEquals(1, db.count("select count(*) from agent_items"));
            assertTrue(recorded.contains("NOT rolled back and may be partial"), recorded);
            assertTrue(launch.err().contains("cannot bind to its transaction"), launch.err());
            return;
        }
        assertEquals(0, db.count("select count(*) from agent_items"),
                "the autocommitted insert through the script's own connection must be undone with the script");
        assertTrue(recorded.endsWith("its work was rolled back"), recorded);
    }

    /** Whether the driver's connections through DriverManager can be handed the run's connection instead. */
    boolean bindsDriverManagerConnections() {
        return true;
    }

    @Test
    void workCommittedInAnotherDatabase_isNeverRecordedAsRolledBack() throws Exception {
        AgentApp.Launch launch = launch("", "ElsewhereFix");

        assertNotEquals(0, launch.exitCode());
        assertTrue(launch.err().contains("NOT part of the script's transaction"), launch.err());
        assertEquals(0, db.count("select count(*) from agent_items"), "the store database's part rolls back");
        String recorded = db.text("select error_message from tracked_scripts_history where status = 'failed'");
        assertTrue(recorded.contains("jdbc:h2:mem:elsewhere") && recorded.contains("NOT rolled back")
                && recorded.contains("may be partial"), recorded);
        assertFalse(recorded.contains("its work was rolled back"), recorded);
        assertEquals("NONE", db.text("select transaction_mode from tracked_scripts"),
                "an attempt with work outside its transaction waits for an explicit run, as a NONE-mode one does");
    }

    @Test
    void scriptsMain_runsOnceAcrossTwoLaunches() throws Exception {
        AgentApp.Launch first = launch("", "FixOnce");
        AgentApp.Launch second = launch("", "FixOnce");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("BODY RAN"), first.out() + first.err());
        assertEquals(0, second.exitCode(), second.err());
        assertFalse(second.out().contains("BODY RAN"), second.out());
        assertTrue(second.err().contains("already success"), second.err());
        assertTrue(db.text("select output from tracked_scripts").contains("[stdout] BODY RAN"),
                "what main printed is in the recorded output");
        assertEquals(1, db.count("select count(*) from agent_items"));
        assertEquals(1, db.count("select count(*) from tracked_scripts where status = 'success'"));
    }

    @Test
    void failingMain_rollsBackItsWorkAndFailsTheLaunch() throws Exception {
        AgentApp.Launch launch = launch("", "FailingFix");

        assertNotEquals(0, launch.exitCode());
        assertTrue(launch.err().contains("boom: half-way through"), launch.err());
        assertEquals(0, db.count("select count(*) from agent_items"), "the script's insert must be rolled back");
        assertEquals(1, db.count("select count(*) from tracked_scripts where status = 'failed'"));
    }

    @Test
    void runPending_inSeveralJvmsStartedTogether_runsEachScriptOnce() throws Exception {
        List<AgentApp.Started> fleet = new ArrayList<>();
        for (int instance = 0; instance < 3; instance++) {
            fleet.add(pendingApp.start(workingDirectory, Map.of("SCRIPT_TRACKER_URL", storeUrl(),
                    "SCRIPT_TRACKER_LOCK_WAIT", "60s"), "run-pending", "App"));
        }

        for (AgentApp.Started instance : fleet) {
            AgentApp.Launch launch = instance.await();
            assertEquals(0, launch.exitCode(), launch.err());
            assertTrue(launch.out().contains("APP STARTED"), launch.out() + launch.err());
        }
        assertEquals(1, db.count("select n from agent_counter"));
        assertEquals(4, db.count("select count(*) from tracked_scripts_history where status = 'success'"),
                "each of the four pending scripts succeeded once across the three JVMs");
        assertEquals(4, db.count("select count(*) from tracked_scripts_history"));
    }

    @Test
    void unreachableDatabase_refusesToRunTheScriptUntracked() throws Exception {
        Map<String, String> nowhere = Map.of("SCRIPT_TRACKER_URL", kind().unreachableUrl());

        AgentApp.Launch refused = app.launch(workingDirectory, nowhere, "", "FixOnce");
        AgentApp.Launch skipped = app.launch(workingDirectory, nowhere, "on-error=skip", "FixOnce");

        assertNotEquals(0, refused.exitCode());
        assertFalse(refused.out().contains("BODY RAN"));
        assertTrue(refused.err().contains("on-error=skip"), refused.err());
        assertFalse(refused.err().contains(DatabaseKind.UNREACHABLE_PASSWORD), refused.err());
        assertEquals(0, skipped.exitCode(), skipped.err());
        assertFalse(skipped.out().contains("BODY RAN"));
    }
}
