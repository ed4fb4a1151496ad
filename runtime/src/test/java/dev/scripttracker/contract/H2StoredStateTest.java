package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class H2StoredStateTest extends StoredStateContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
