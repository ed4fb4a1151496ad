package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class PostgresParametersTest extends ParametersContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
