package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class PostgresLockTest extends LockContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    boolean lockProvesHolderGone() {
        return true;
    }
}
