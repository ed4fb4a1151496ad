package dev.scripttracker.cli;

import dev.scripttracker.testing.DatabaseKind;

class PostgresCommandLineTest extends CommandLineOnServerTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
