package dev.scripttracker.cli;

import dev.scripttracker.testing.DatabaseKind;

class PostgresChangedCodeCommandsTest extends ChangedCodeCommandsContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
