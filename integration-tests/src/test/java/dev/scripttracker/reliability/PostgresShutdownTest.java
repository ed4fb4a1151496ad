package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;

class PostgresShutdownTest extends ShutdownContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
