package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class H2CodeChecksumTest extends CodeChecksumContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
