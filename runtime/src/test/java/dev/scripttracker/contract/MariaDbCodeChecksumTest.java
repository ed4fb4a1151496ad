package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbCodeChecksumTest extends CodeChecksumContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
