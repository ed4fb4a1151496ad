package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;

class PostgresBatchCrashTest extends BatchCrashTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
