package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbFleetStartupTest extends FleetStartupContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }
}
