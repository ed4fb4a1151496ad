package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Mistakes on the command line: each exits 2 with a message saying what was wrong and what to do. */
class UsageErrorsTest extends DemoCommandLine {

    @Test
    void noCommand_exitsTwoWithTheUsageOnStderr() throws Exception {
        CliJar.Result bare = cli.run();

        assertEquals(2, bare.exitCode(), bare.all());
        assertTrue(bare.err().startsWith("error: no command given"), bare.err());
        assertTrue(bare.err().contains("Usage: script-tracker"), bare.err());
        assertEquals("", bare.out());
    }

    @Test
    void unknownCommandWithHelp_exitsTwoNamingIt() throws Exception {
        CliJar.Result unknown = cli.run("unknowncommand", "--help");

        assertEquals(2, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("'unknowncommand'"), unknown.err());
    }

    @Test
    void historyOfAnUnknownId_exitsTwoNamingTheKnownOnes_asRunCancelAndRollbackDo() throws Exception {
        app("cleanup");
        CliJar.Result history = app("history", "20990101000000_no_such_script");
        CliJar.Result pending = app("history", BACKFILL);

        assertEquals(2, history.exitCode(), history.all());
        assertTrue(history.err().contains("unknown script '20990101000000_no_such_script'")
                && history.err().contains(BACKFILL), history.err());
        assertEquals(0, pending.exitCode(), pending.all());
        assertTrue(pending.out().contains(BACKFILL + " has no recorded attempt: it is pending"), pending.out());
    }

    @Test
    void parameterWithoutAValue_saysSoInPlainWords() throws Exception {
        CliJar.Result run = app("run", BACKFILL, "--param", "tenant");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("error: Value for option '--param' (NAME=VALUE) should be in KEY=VALUE format"
                + " but was tenant"), run.err());
    }

    @Test
    void workersOutOfRange_exitTwoGivingTheRange_andRunNothing() throws Exception {
        CliJar.Result run = app("run", BACKFILL, "--workers", "0");
        CliJar.Result status = app("status");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("error: --workers 0 is out of range: give 1 to 64"), run.err());
        assertTrue(status.err().contains("nothing has run with this prefix"), "nothing was written: " + status.all());
    }

    @Test
    void mysqlUrl_exitsTwoSayingThatConnectorJGoesOnTheClassPath() throws Exception {
        CliJar.Result status = cli.run("status", "--url", "jdbc:mysql://127.0.0.1:3306/test?user=root&password=s3cret");

        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("no JDBC driver on the class path can open jdbc:mysql://127.0.0.1:3306/test")
                && status.err().contains("MySQL Connector/J") && status.err().contains("--classpath"), status.err());
        assertFalse(status.err().contains("check that the database is running"), status.err());
        assertFalse(status.err().contains("s3cret"), status.err());
    }

    @Test
    void emptyUrl_exitsTwoInsteadOfFallingBackToTheEmbeddedDatabase() throws Exception {
        CliJar.Result status = cli.run("status", "--url", "");
        CliJar.Result prefix = cli.run("status", "--table-prefix", " ");

        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("--url is empty; give the JDBC URL"), status.err());
        assertEquals(2, prefix.exitCode(), prefix.all());
        assertTrue(prefix.err().contains("--table-prefix is empty"), prefix.err());
        try (Handle h = Jdbi.create(h2Url()).open()) {
            assertEquals(0, h.createQuery("select count(*) from information_schema.tables"
                    + " where lower(table_name) like 'tracked_scripts%'").mapTo(Integer.class).one(),
                    "the embedded database was not used");
        }
    }

    @Test
    void refusedConnection_isOneSentenceAfterAnother() throws Exception {
        CliJar.Result status = cli.run("status", "--url", "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2");

        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("TCP/IP connections. Check that the database is running"), status.err());
    }
}
