package dev.scripttracker.cli;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbChangedCodeCommandsTest extends ChangedCodeCommandsContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
