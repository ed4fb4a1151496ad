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
    void killOtherSessions() {
        try (var h = db.jdbi().open()) {
            h.createQuery("select id from information_schema.processlist where db = database() and id <> connection_id()")
                    .mapTo(Long.class).list().forEach(id -> h.execute("kill " + id));
        }
    }
}
