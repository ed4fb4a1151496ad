package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbBatchTest extends BatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
