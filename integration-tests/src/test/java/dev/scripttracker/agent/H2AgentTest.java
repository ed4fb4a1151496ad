package dev.scripttracker.agent;

import dev.scripttracker.testing.DatabaseKind;

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
}
