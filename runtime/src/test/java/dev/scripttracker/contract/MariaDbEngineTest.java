package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;

class MariaDbEngineTest extends EngineContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    String slowStatement() {
        return "select sleep(30)";
    }

    @Override
    void killLockSession() {
        try (var h = db.jdbi().open()) {
            h.createQuery("select id from information_schema.processlist where db = database() and id <> connection_id()"
                            + " and id not in (select trx_mysql_thread_id from information_schema.innodb_trx)")
                    .mapTo(Long.class).list().forEach(id -> h.execute("kill " + id));
        }
    }

    @Override
    String statementTimeoutMessage() {
        return "max_statement_time exceeded";
    }

    @Override
    boolean lockProvesHolderGone() {
        return true;
    }
}
