package dev.scripttracker.reliability;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Several JVMs share one H2 file through its automatic server (AUTO_SERVER=TRUE), hosted by this test's
 * JVM, which keeps the database open: the children connect to it over TCP, as processes on one machine
 * sharing an H2 file do, so killing a child never kills the server.
 */
class H2ParallelWorkersTest extends ParallelWorkersTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Override
    String childUrl(TestDatabase db) {
        return db.url() + ";AUTO_SERVER=TRUE";
    }

    @Override
    AutoCloseable holdOpen(TestDatabase db) throws Exception {
        Connection held = DriverManager.getConnection(childUrl(db));
        return held::close;
    }
}
