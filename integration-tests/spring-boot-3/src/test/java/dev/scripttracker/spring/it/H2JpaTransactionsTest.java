package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class H2JpaTransactionsTest extends JpaTransactionsContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
