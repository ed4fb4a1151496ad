package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class H2BatchTest extends BatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
