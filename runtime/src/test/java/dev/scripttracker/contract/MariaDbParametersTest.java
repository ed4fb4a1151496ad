package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbParametersTest extends ParametersContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
