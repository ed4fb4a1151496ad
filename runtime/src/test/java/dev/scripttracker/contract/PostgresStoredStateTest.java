package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class PostgresStoredStateTest extends StoredStateContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
