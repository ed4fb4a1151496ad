package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class PostgresStoredTextTest extends StoredTextContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
