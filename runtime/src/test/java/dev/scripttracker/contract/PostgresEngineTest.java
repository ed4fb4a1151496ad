package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class PostgresEngineTest extends EngineContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    String slowStatement() {
        return "select pg_sleep(30)";
    }
}
