package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class PostgresJpaTransactionsTest extends JpaTransactionsContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
