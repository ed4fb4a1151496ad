package dev.scripttracker.contract;

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

    @Override
    void killLockSession() {
        db.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                + " and database = (select oid from pg_database where datname = current_database())");
    }

    @Override
    String statementTimeoutMessage() {
        return "canceling statement due to statement timeout";
    }
}
