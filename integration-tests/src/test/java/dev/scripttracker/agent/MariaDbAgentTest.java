package dev.scripttracker.agent;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbAgentTest extends AgentContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    /**
     * MariaDB's Driver.connect returns its own Connection class (a covariant override), so no stand-in
     * can be returned: such connections are reported as outside the transaction instead.
     */
    @Override
    boolean bindsDriverManagerConnections() {
        return false;
    }
}
