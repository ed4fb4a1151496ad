package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbEngineTest extends EngineContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    String slowStatement() {
        return "select sleep(30)";
    }
}
