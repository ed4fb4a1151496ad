package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;

class H2LockTest extends LockContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    /** H2 has no session locks: the lock is a lease row. */
    @Override
    boolean lockProvesHolderGone() {
        return false;
    }

    /** The lease row records its holder. */
    @Override
    boolean lockNamesItsHolder() {
        return true;
    }

    /** A lease outlives its session: it is lost once it has expired and another attempt took the lock. */
    @Override
    void loseLock(Attempt holder) {
        assertTrue(attemptAfterTheLeaseExpired().lock.tryAcquire(SCRIPT));
    }
}
