package dev.scripttracker.console;

import dev.scripttracker.testing.DatabaseKind;

class H2ConsolePagesTest extends ConsolePagesContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
