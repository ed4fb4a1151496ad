package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Every command through the built jar, on the embedded H2 default in a fresh working directory,
 * with the demo application's scripts on --classpath.
 */
class CommandLineTest extends DemoCommandLine {

    @Test
    void versionAndHelp_exitZero() throws Exception {
        CliJar.Result version = cli.run("--version");
        CliJar.Result help = cli.run("run", "--help");

        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("script-tracker 0.1.0"), version.out());
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--dry-run") && help.out().contains("Exit codes"), help.out());
    }

    @Test
    void status_listsEveryRegisteredScriptWithItsState_pendingOnesIncluded() throws Exception {
        app("run", BACKFILL);

        CliJar.Result status = app("status");

        assertEquals(0, status.exitCode(), status.all());
        assertTrue(status.out().matches("(?s).*" + BACKFILL + " +success.*"), status.out());
        assertTrue(status.out().matches("(?s).*" + NORMALIZE + " +pending.*"), status.out());
    }

    @Test
    void statusAndHistory_underAPrefixWithNoTables_exitTwoSayingSo_andCreateNothing() throws Exception {
        CliJar.Result fresh = app("status");
        app("run", BACKFILL);

        CliJar.Result status = app("status", "--table-prefix", "tracked_scrpits");
        CliJar.Result history = app("history", BACKFILL, "--table-prefix", "tracked_scrpits");

        assertEquals(2, fresh.exitCode(), fresh.all());
        assertTrue(fresh.err().contains("no script-tracker tables named tracked_scripts* in jdbc:h2:file:"), fresh.err());
        for (CliJar.Result mistyped : java.util.List.of(status, history)) {
            assertEquals(2, mistyped.exitCode(), mistyped.all());
            assertTrue(mistyped.err().contains("no script-tracker tables named tracked_scrpits* in jdbc:h2:file:")
                    && mistyped.err().contains("nothing has run with this prefix. Check the table prefix (--table-prefix"),
                    mistyped.err());
        }
        try (Handle h = Jdbi.create(h2Url()).open()) {
            assertEquals(0, h.createQuery("select count(*) from information_schema.tables"
                    + " where lower(table_name) like 'tracked_scrpits%'").mapTo(Integer.class).one());
        }
    }

    @Test
    void run_exitsOneWhenAScriptFailsAndRecordsEveryOutcome() throws Exception {
        CliJar.Result run = app("run");
        CliJar.Result json = app("status", "--json");

        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains(BACKFILL + "  SUCCEEDED"), run.out());
        assertTrue(run.out().contains(NORMALIZE + "  FAILED"), run.out());
        assertTrue(run.out().matches("(?s)\\d{4}-\\d\\d-\\d\\dT.*"), "timestamped lines when not on a terminal");
        assertEquals(0, json.exitCode(), json.all());
        assertTrue(json.out().matches("(?s).*\"id\" : \"" + BACKFILL + "\",\\s+\"status\" : \"success\".*"), json.out());
        assertTrue(json.out().matches("(?s).*\"id\" : \"" + NORMALIZE + "\",\\s+\"status\" : \"failed\".*"), json.out());
    }

    @Test
    void scriptsCompiledWithoutTheProcessor_areNamedInAWarningOnStderr_byRunAndStatus() throws Exception {
        Path sources = java.nio.file.Files.createDirectories(dir.resolve("src/com/acme"));
        Path classes = dir.resolve("app-classes");
        Path source = java.nio.file.Files.writeString(sources.resolve("FixUsers.java"), "package com.acme;\n"
                + "@dev.scripttracker.TrackedScript(id = \"001_fix_users\")\n"
                + "public class FixUsers implements Runnable { public void run() {} }\n");
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d",
                classes.toString(), "-cp", System.getProperty("java.class.path"), source.toString()));

        CliJar.Result run = cli.run("run", "--classpath", classes.toString());
        CliJar.Result status = cli.run("status", "--classpath", classes.toString());

        for (CliJar.Result result : java.util.List.of(run, status)) {
            assertEquals(0, result.exitCode(), result.all());
            assertTrue(result.err().contains("warning: no script-tracker registry is on the class path, yet"
                    + " com.acme.FixUsers (in " + classes), result.err());
            assertTrue(result.err().contains("annotationProcessorPaths with the plugin at version 3.5 or later"),
                    result.err());
        }
        assertFalse(run.err().contains("WARN dev.scripttracker.setup"), run.err());
    }

    @Test
    void runningADoneScriptAgain_exitsZeroAndDoesNothing() throws Exception {
        app("run", BACKFILL);

        CliJar.Result again = app("run", BACKFILL);

        assertEquals(0, again.exitCode(), again.all());
        assertTrue(again.out().contains("ALREADY_DONE"), again.out());
    }

    @Test
    void scriptHeldByAnotherProcess_exitsThree() throws Exception {
        try (Handle h = Jdbi.create(h2Url()).open()) {
            app("cleanup");
            h.execute("insert into tracked_scripts_lock values ('" + BACKFILL + "', 'x', 'bob@other-host',"
                    + " current_timestamp, dateadd('HOUR', 1, current_timestamp))");
        }

        CliJar.Result locked = app("run", BACKFILL, "--lock-wait", "0s");

        assertEquals(3, locked.exitCode(), locked.all());
        assertTrue(locked.out().contains("bob@other-host"), locked.out());
    }

    @Test
    void rollback_needsConfirmationOffATerminalAndWorksWithYes() throws Exception {
        app("run", BACKFILL);

        CliJar.Result unconfirmed = app("rollback", BACKFILL);
        CliJar.Result confirmed = app("rollback", BACKFILL, "--yes");

        assertEquals(2, unconfirmed.exitCode(), unconfirmed.all());
        assertTrue(unconfirmed.err().contains("add --yes"), unconfirmed.err());
        assertEquals(0, confirmed.exitCode(), confirmed.all());
        assertTrue(app("status").out().matches("(?s).*" + BACKFILL + " +rolled_back.*"));
    }

    @Test
    void cleanup_exitsZeroAndSaysWhatItDid() throws Exception {
        CliJar.Result cleanup = app("cleanup");

        assertEquals(0, cleanup.exitCode(), cleanup.all());
        assertTrue(cleanup.out().contains("0 abandoned run(s) recorded as interrupted"), cleanup.out());
    }

    @Test
    void unknownScript_exitsTwoNamingTheKnownOnes() throws Exception {
        CliJar.Result run = app("run", "20261124_no_such_script");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("unknown script '20261124_no_such_script'") && run.err().contains(BACKFILL),
                run.err());
    }

    @Test
    void unreachableDatabase_exitsTwoWithoutPrintingThePassword() throws Exception {
        CliJar.Result status = cli.run("status", "--url", "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2",
                "--user", "app", "--password", "s3cret-pass");

        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("127.0.0.1:1"), status.err());
        assertFalse(status.all().contains("s3cret-pass"), status.all());
    }

    @Test
    void badConfigurationInTheEnvironment_exitsTwoNamingTheVariable() throws Exception {
        CliJar.Result status = cli.run(Map.of("SCRIPT_TRACKER_LOCK_WAIT", "soon"), "status");

        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("SCRIPT_TRACKER_LOCK_WAIT"), status.err());
    }

    @Test
    void usageError_exitsTwo() throws Exception {
        CliJar.Result run = cli.run("run", "--no-such-option");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("--help"), run.err());
    }

    @Test
    void completionScript_isGenerated() throws Exception {
        CliJar.Result completion = cli.run("generate-completion");

        assertEquals(0, completion.exitCode(), completion.all());
        assertTrue(completion.out().contains("complete -F"), completion.out());
    }

    @Test
    void dryRunOfABatchScript_reportsTheRowsItWouldChange_andChangesNothing() throws Exception {
        CliJar.Result dryRun = app("run", LOYALTY, "--dry-run");

        assertEquals(0, dryRun.exitCode(), dryRun.all());
        assertTrue(dryRun.out().contains(LOYALTY + "  DRY_RUN"), dryRun.out());
        assertTrue(dryRun.out().contains("would change 2 row(s) in 2 execution(s): update customers set points"),
                dryRun.out());
        assertTrue(dryRun.out().contains("awarded points to 2 customers"), dryRun.out());
        try (Handle h = Jdbi.create(h2Url()).open()) {
            assertEquals(0, h.createQuery("select count(*) from customers where points is not null")
                    .mapTo(Integer.class).one());
        }
        assertTrue(app("status").out().matches("(?s).*" + LOYALTY + " +pending.*"));
    }

    @Test
    void statusJson_showsABatchScriptsProgressAndCheckpoint() throws Exception {
        app("run", LOYALTY);

        CliJar.Result json = app("status", "--json");

        assertEquals(0, json.exitCode(), json.all());
        String loyalty = json.out().substring(json.out().indexOf("\"id\" : \"" + LOYALTY));
        assertTrue(loyalty.matches("(?s)[^}]*\"progressDone\" : 2,\\s+\"progressTotal\" : 2,.*"), loyalty);
        assertTrue(loyalty.matches("(?s)[^}]*\"checkpoint\" : \"loop=1;source=\\w{8};batch=1;done=2;after=id%3DL%253A2;finished\".*"),
                loyalty);
    }

    @Test
    void run_onATerminal_showsALiveProgressBar() throws Exception {
        CliJar.Result run = cli.runOnTerminal("run", LOYALTY, "--classpath", CliJar.DEMO_CLASSES.toString());

        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains(LOYALTY + " 100% [="), run.out());
        assertTrue(run.out().contains("2/2"), run.out());
        assertTrue(run.out().contains(LOYALTY + "  SUCCEEDED"), run.out());
    }

    @Test
    void cancel_ofAScriptThatIsNotRunning_exitsOne_andOfAnUnknownId_exitsTwo() throws Exception {
        CliJar.Result notRunning = app("cancel", LOYALTY);
        CliJar.Result unknown = app("cancel", "20990101000000_no_such_script");

        assertEquals(1, notRunning.exitCode(), notRunning.all());
        assertTrue(notRunning.out().contains(LOYALTY + "  is not running; nothing to cancel"), notRunning.out());
        assertEquals(2, unknown.exitCode(), unknown.all());
        assertTrue(unknown.err().contains("20990101000000_no_such_script"), unknown.err());
    }

    @Test
    void history_showsEveryAttemptWithItsOutcome() throws Exception {
        app("run", NORMALIZE);
        app("run", NORMALIZE);

        CliJar.Result history = app("history", NORMALIZE);

        assertEquals(0, history.exitCode(), history.all());
        assertTrue(history.out().matches("(?s).*\\s1  run +failed .*\\s2  run +failed .*"), history.out());
    }
}
