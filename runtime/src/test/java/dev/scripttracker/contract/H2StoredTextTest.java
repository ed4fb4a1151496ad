package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class H2StoredTextTest extends StoredTextContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
