package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class PostgresCodeChecksumTest extends CodeChecksumContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
