package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;

class PostgresExactlyOnceRaceTest extends ExactlyOnceRaceTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
