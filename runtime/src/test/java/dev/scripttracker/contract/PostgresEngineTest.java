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
    void killOtherSessions() {
        db.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                + " and pid <> pg_backend_pid() and query not like '%pg_stat_activity%'"
                + " and application_name = 'PostgreSQL JDBC Driver'");
    }
}
