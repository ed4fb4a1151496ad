package dev.scripttracker.contract;

import dev.scripttracker.ScriptTracker;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.H2Functions;
import java.util.List;

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
    void killOtherSessions() {
        db.execute("select abort_session(session_id) from information_schema.sessions where session_id <> session_id()");
    }

    /** H2 has no session-bound lock: the lock is a lease row, so only an expired lease frees it. */
    @Override
    List<String> killedHoldersOnly(ScriptTracker now, ScriptTracker afterLease) {
        if (!now.cleanup().isEmpty()) {
            throw new AssertionError("a holder whose lease has not expired was declared dead");
        }
        return afterLease.cleanup();
    }
}
