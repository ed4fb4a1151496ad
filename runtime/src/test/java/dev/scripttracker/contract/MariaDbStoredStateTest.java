package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbStoredStateTest extends StoredStateContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
