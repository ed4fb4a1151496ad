package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbBatchCrashTest extends BatchCrashTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
