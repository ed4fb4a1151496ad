package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class H2SpringTransactionsTest extends SpringTransactionsContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
