package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbLockTest extends LockContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    boolean lockProvesHolderGone() {
        return true;
    }
}
