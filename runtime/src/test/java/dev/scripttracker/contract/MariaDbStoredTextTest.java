package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbStoredTextTest extends StoredTextContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
