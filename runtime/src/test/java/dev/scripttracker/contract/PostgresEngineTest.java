package dev.scripttracker.contract;

import dev.scripttracker.internal.store.LockKeys;
import dev.scripttracker.testing.DatabaseKind;

class PostgresEngineTest extends EngineContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    String slowStatement() {
        return "select pg_sleep(30)";
    }

    /** Only the holder of this test's lock: other tests may hold advisory locks in the same database. */
    @Override
    void killLockSession() {
        long key = LockKeys.asLong(db.name() + ".tracked_scripts", "0006_blocking");
        db.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                + " and ((classid::bigint << 32) | objid::bigint) = " + key);
    }

    @Override
    String statementTimeoutMessage() {
        return "canceling statement due to statement timeout";
    }

    @Override
    boolean lockProvesHolderGone() {
        return true;
    }
}
