package dev.scripttracker.cli;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbCommandLineTest extends CommandLineOnServerTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
