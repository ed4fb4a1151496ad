package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class PostgresParallelBatchTest extends ParallelBatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
