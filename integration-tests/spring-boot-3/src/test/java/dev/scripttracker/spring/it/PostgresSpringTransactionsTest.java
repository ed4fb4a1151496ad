package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class PostgresSpringTransactionsTest extends SpringTransactionsContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
