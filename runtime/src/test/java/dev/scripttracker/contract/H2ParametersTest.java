package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class H2ParametersTest extends ParametersContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
