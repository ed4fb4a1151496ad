package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class PostgresBatchTest extends BatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
