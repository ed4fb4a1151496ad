package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbShutdownTest extends ShutdownContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
