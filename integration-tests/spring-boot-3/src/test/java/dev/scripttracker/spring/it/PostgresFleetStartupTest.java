package dev.scripttracker.spring.it;

import dev.scripttracker.testing.DatabaseKind;

class PostgresFleetStartupTest extends FleetStartupContractTest {
    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }
}
