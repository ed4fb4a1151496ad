package dev.scripttracker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class H2AgentTest extends AgentContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    /** Several JVMs share one embedded H2 file only through its automatic server. */
    @Override
    String storeUrl() {
        return db.url() + ";AUTO_SERVER=TRUE";
    }

    /**
     * Two trackers on two stores in one JVM (the agent's, and one the application builds), one application
     * DataSource leading to the agent's store's database: the second store's run must not take it for its
     * own store's database (a decision that was cached by DataSource alone).
     */
    @Test
    void twoStoresInOneJvm_bindTheApplicationsDataSourceOnlyToItsOwnStore() throws Exception {
        String storeB = "jdbc:h2:file:" + workingDirectory.resolve("store-b");
        try (Connection b = DriverManager.getConnection(storeB); Statement s = b.createStatement()) {
            s.execute("create table agent_items (id integer primary key)");
        }

        AgentApp.Launch launch = launch("", "TwoStores", storeB);

        assertEquals(0, launch.exitCode(), launch.out() + launch.err());
        assertTrue(launch.out().contains("RESULT SUCCEEDED"), launch.out() + launch.err());
        assertEquals(1, db.count("select count(*) from agent_items where id = 30"), "bound to store A's run");
        assertEquals("SCRIPT", db.text("select transaction_mode from tracked_scripts"), "store A's run was bound");
        assertEquals(1, db.count("select count(*) from agent_items where id = 31"),
                "store B's run wrote to A's database through a connection of its own");
        try (Connection b = DriverManager.getConnection(storeB); Statement s = b.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from agent_items")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "nothing went into store B's database");
        }
        assertTrue(launch.err().contains("another database than the store's"), launch.err());
    }
}
