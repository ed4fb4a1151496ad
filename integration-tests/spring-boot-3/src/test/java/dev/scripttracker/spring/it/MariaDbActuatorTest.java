package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbActuatorTest extends ActuatorContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
