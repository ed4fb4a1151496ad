package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbParallelBatchTest extends ParallelBatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
