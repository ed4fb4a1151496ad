package dev.scripttracker.console;

import dev.scripttracker.testing.DatabaseKind;

class PostgresConsolePagesTest extends ConsolePagesContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
