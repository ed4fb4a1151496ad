package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbSpringTransactionsTest extends SpringTransactionsContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
