package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbJpaTransactionsTest extends JpaTransactionsContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
