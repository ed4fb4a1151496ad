package dev.scripttracker.cli;

import dev.scripttracker.testing.DatabaseKind;

class H2ChangedCodeCommandsTest extends ChangedCodeCommandsContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
