package dev.scripttracker.agent;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbAgentTest extends AgentContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
