package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;
import org.jdbi.v3.core.Handle;

class MariaDbConnectionLossTest extends ConnectionLossContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    String ownConnectionIdQuery() {
        return "select connection_id()";
    }

    @Override
    String longStatement() {
        return "select sleep(30)";
    }

    @Override
    void kill(Handle admin, long connectionId) {
        admin.execute("kill connection " + connectionId);
    }

    @Override
    boolean isConnected(Handle admin, long connectionId) {
        return admin.createQuery("select count(*) from information_schema.processlist where id = :id")
                .bind("id", connectionId).mapTo(Long.class).one() > 0;
    }

    @Override
    boolean isRunning(Handle admin, long connectionId, String statement) {
        return admin.createQuery("select count(*) from information_schema.processlist where id = :id and info = :statement")
                .bind("id", connectionId).bind("statement", statement).mapTo(Long.class).one() > 0;
    }

    /** MariaDB closes the socket without a word; Connector/J reports that as a socket error. */
    @Override
    String connectionLostWords() {
        return "socket was closed by server";
    }
}
