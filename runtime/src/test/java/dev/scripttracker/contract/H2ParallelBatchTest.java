package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class H2ParallelBatchTest extends ParallelBatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
