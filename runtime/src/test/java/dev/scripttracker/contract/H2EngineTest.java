package dev.scripttracker.contract;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.H2Functions;

class H2EngineTest extends EngineContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Override
    String slowStatement() {
        // H2 has no sleep function; a Java alias sleeps inside the statement, on the script's thread.
        db.execute("create alias if not exists sleep_ms for '" + H2Functions.class.getName() + ".sleepMillis'");
        return "call sleep_ms(30000)";
    }

    @Override
    void killLockSession() {
        db.execute("select abort_session(session_id) from information_schema.sessions"
                + " where session_id <> session_id() and not contains_uncommitted");
    }

    @Override
    String statementTimeoutMessage() {
        // The sleep is Java code inside H2, which the query timeout cannot stop; the interrupt does.
        return "sleep interrupted";
    }

    /** H2 has no session locks: the lock is a lease row. */
    @Override
    boolean lockProvesHolderGone() {
        return false;
    }
}
