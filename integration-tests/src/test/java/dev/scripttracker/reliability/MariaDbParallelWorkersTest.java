package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbParallelWorkersTest extends ParallelWorkersTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
