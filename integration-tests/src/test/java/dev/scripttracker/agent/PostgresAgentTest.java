package dev.scripttracker.agent;

import dev.scripttracker.testing.DatabaseKind;

class PostgresAgentTest extends AgentContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
