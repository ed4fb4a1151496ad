package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the command line shows and does when the tracking table holds what this version cannot read
 * (a row edited by hand) or text with control characters (a script's error).
 */
class StoredTextCommandLineTest extends DemoCommandLine {

    @BeforeEach
    void recordTwoRuns() throws Exception {
        app("run", BACKFILL);
        app("run", NORMALIZE);
    }

    private void execute(String sql, String value) {
        try (Handle h = Jdbi.create(h2Url()).open()) {
            h.createUpdate(sql).bind("value", value).execute();
        }
    }

    @Test
    void unknownStatus_isShownAsUnknownWithItsValue_andTheOtherScriptsAsRecorded() throws Exception {
        execute("update tracked_scripts set status = :value where script_id = '" + BACKFILL + "'", "bogus");

        CliJar.Result table = app("status");
        CliJar.Result json = app("status", "--json");

        assertEquals(0, table.exitCode(), table.all());
        assertTrue(table.out().matches("(?s).*" + BACKFILL + " +unknown .*\\[unreadable: status 'bogus'.*"),
                table.out());
        assertTrue(table.out().matches("(?s).*" + NORMALIZE + " +failed .*"), table.out());
        assertEquals(0, json.exitCode(), json.all());
        assertTrue(json.out().matches("(?s).*\"id\" : \"" + BACKFILL + "\",\\s+\"status\" : \"unknown\",[^}]*"
                + "\"unreadable\" : \"status 'bogus'\".*"), json.out());
        assertTrue(json.out().matches("(?s).*\"id\" : \"" + NORMALIZE + "\",\\s+\"status\" : \"failed\",[^}]*"
                + "\"unreadable\" : null.*"), json.out());
    }

    @Test
    void unknownTransactionMode_makesARunOfThatScriptExitTwoNamingTheRowAndTheValue() throws Exception {
        execute("update tracked_scripts set transaction_mode = :value where script_id = '" + NORMALIZE + "'", "XXX");

        CliJar.Result run = app("run", NORMALIZE);
        CliJar.Result history = app("history", NORMALIZE);

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("script " + NORMALIZE + ": its row in table tracked_scripts holds"
                + " transaction_mode 'XXX', which this version of script-tracker does not know"), run.err());
        assertFalse(run.all().contains("No enum constant"), run.all());
        assertEquals(1, history.out().lines().filter(l -> l.contains(" run ")).count(), history.out());
    }

    @Test
    void controlCharactersInAStoredError_areEscapedInStatusAndHistory_andKeptExactlyInJson() throws Exception {
        execute("update tracked_scripts set error_message = :value where script_id = '" + NORMALIZE + "'",
                "merge\u001b[2J\rfailed\nhere");
        execute("update tracked_scripts_history set error_message = :value where script_id = '" + NORMALIZE + "'",
                "merge\u001b[2J\rfailed\nhere");

        CliJar.Result status = app("status");
        CliJar.Result history = app("history", NORMALIZE);
        CliJar.Result json = app("status", "--json");

        assertTrue(status.out().contains("merge\\u001b[2J\\rfailed\\nhere"), status.out());
        assertTrue(history.out().contains("merge\\u001b[2J\\rfailed\\nhere"), history.out());
        assertFalse((status.out() + history.out()).contains("\u001b"), status.out() + history.out());
        assertTrue(json.out().contains("\"errorMessage\" : \"merge\\u001B[2J\\rfailed\\nhere\""), json.out());
    }
}
