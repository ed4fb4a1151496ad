package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbExactlyOnceRaceTest extends ExactlyOnceRaceTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
