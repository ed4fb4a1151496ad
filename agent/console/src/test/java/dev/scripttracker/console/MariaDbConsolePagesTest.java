package dev.scripttracker.console;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbConsolePagesTest extends ConsolePagesContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
