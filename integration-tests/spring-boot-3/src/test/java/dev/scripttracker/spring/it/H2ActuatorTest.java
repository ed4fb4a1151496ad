package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class H2ActuatorTest extends ActuatorContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }
}
