package dev.scripttracker.console;

import static dev.scripttracker.console.ConsoleScripts.FAILS;
import static dev.scripttracker.console.ConsoleScripts.QUICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the pages offer and what the actions do, over HTTP, on each database: the console reads the
 * store only through the public API, and this holds that on every family.
 */
abstract class ConsolePagesContractTest {

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());

    abstract DatabaseKind kind();

    private RunningConsole console;
    private final Http local = Http.anonymous();

    @BeforeEach
    void serve() {
        console = new RunningConsole(fresh.get());
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aDryRunFromTheConsole_isRecorded_andLeavesTheScriptPending() throws Exception {
        String token = Http.csrfOf(local.get(console.url("scripts/" + QUICK + "/run?dryRun=on")).body());

        HttpResponse<String> started = local.post(console.url("scripts/" + QUICK + "/run"),
                "confirm=yes&dryRun=on&parameters=&csrf=" + token);

        assertEquals("/scripts/" + QUICK + "?notice=dry-run-started", started.headers().firstValue("Location").orElseThrow());
        Eventually.until(() -> console.audit.size() == 2, "the dry run to finish");
        assertTrue(console.audit.get(1).startsWith("dry run " + QUICK + " (asked by local): DRY_RUN"), console.audit.toString());
        assertEquals(ScriptStatus.PENDING, console.state(QUICK).status());
    }

    @Test
    void aDoneScript_offersNoRun_andARunningOneOffersCancel() throws Exception {
        console.tracker().run(QUICK);

        String done = local.get(console.url("scripts/" + QUICK)).body();
        String failed = local.get(console.url("scripts/" + FAILS)).body();

        assertFalse(done.contains("id=\"run\""), done);
        assertFalse(done.contains("id=\"cancel\""), done);
        assertTrue(failed.contains("id=\"run\""), failed);
    }

    @Test
    void cancellingAScriptThatIsNotRunning_saysSo_andRecordsTheAsk() throws Exception {
        String token = Http.csrfOf(local.get(console.url("scripts/" + QUICK + "/cancel")).body());

        HttpResponse<String> answer = local.post(console.url("scripts/" + QUICK + "/cancel"), "confirm=yes&csrf=" + token);

        assertEquals("/scripts/" + QUICK + "?notice=not-running", answer.headers().firstValue("Location").orElseThrow());
        assertEquals("local asked the console to cancel " + QUICK + ": it was not running", console.audit.get(0));
    }

    @Test
    void anActionThatWasNotConfirmed_isRefused400_andRunsNothing() throws Exception {
        String token = Http.csrfOf(local.get(console.url("scripts/" + QUICK + "/run")).body());

        HttpResponse<String> refused = local.post(console.url("scripts/" + QUICK + "/run"), "csrf=" + token);

        assertEquals(400, refused.statusCode());
        assertTrue(console.history(QUICK).isEmpty());
    }

    @Test
    void theListFilters_byStatusAndByAPartOfTheId() throws Exception {
        console.tracker().run(FAILS);

        String failed = local.get(console.url("?status=failed")).body();
        String byId = local.get(console.url("rows?q=QUICK")).body();

        assertTrue(failed.contains(FAILS) && !failed.contains(QUICK), failed);
        assertTrue(byId.contains(QUICK) && !byId.contains(FAILS), byId);
    }

    @Test
    void anUnknownScript_is404_namingIt() throws Exception {
        HttpResponse<String> missing = local.get(console.url("scripts/20990101000000_nobody"));

        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("No script has the id 20990101000000_nobody"), missing.body());
    }
}
