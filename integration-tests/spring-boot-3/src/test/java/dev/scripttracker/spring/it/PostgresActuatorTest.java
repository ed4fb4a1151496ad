package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class PostgresActuatorTest extends ActuatorContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
