package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;

class PostgresParallelWorkersTest extends ParallelWorkersTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
