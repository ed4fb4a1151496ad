package dev.scripttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;
import org.jdbi.v3.core.Handle;

class PostgresConnectionLossTest extends ConnectionLossContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    String ownConnectionIdQuery() {
        return "select pg_backend_pid()";
    }

    @Override
    String longStatement() {
        return "select pg_sleep(30)";
    }

    @Override
    void kill(Handle admin, long connectionId) {
        assertTrue(admin.createQuery("select pg_terminate_backend(:pid)").bind("pid", (int) connectionId)
                .mapTo(Boolean.class).one(), "no backend " + connectionId + " to terminate");
    }

    @Override
    boolean isConnected(Handle admin, long connectionId) {
        return admin.createQuery("select count(*) from pg_stat_activity where pid = :pid").bind("pid", (int) connectionId)
                .mapTo(Long.class).one() > 0;
    }

    @Override
    boolean isRunning(Handle admin, long connectionId, String statement) {
        return admin.createQuery("select count(*) from pg_stat_activity where pid = :pid and state = 'active'"
                        + " and query = :statement")
                .bind("pid", (int) connectionId).bind("statement", statement).mapTo(Long.class).one() > 0;
    }

    @Override
    String connectionLostWords() {
        return "terminating connection due to administrator command";
    }
}
