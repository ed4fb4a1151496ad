package dev.scripttracker.console;

import static dev.scripttracker.console.ConsoleScripts.BACKFILL;
import static dev.scripttracker.console.ConsoleScripts.FAILS;
import static dev.scripttracker.console.ConsoleScripts.QUICK;
import static dev.scripttracker.console.ConsoleScripts.TYPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
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
        HttpResponse<String> started = local.run(console.url(), QUICK, "dryRun=on&parameters=");

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
    void theRunForm_onlyAsksToConfirm_andAnUnconfirmedCancelIsRefused400_neitherChangingAnything() throws Exception {
        String token = Http.csrfOf(local.get(console.url("scripts/" + QUICK)).body());

        HttpResponse<String> asked = local.post(console.url("scripts/" + QUICK + "/run"), "csrf=" + token);
        HttpResponse<String> refused = local.post(console.url("scripts/" + QUICK + "/cancel"), "csrf=" + token);

        assertEquals(200, asked.statusCode());
        assertTrue(asked.body().contains("Yes, run it"), asked.body());
        assertEquals(400, refused.statusCode());
        assertTrue(console.history(QUICK).isEmpty());
        assertTrue(console.audit.isEmpty(), console.audit.toString());
    }

    @Test
    void declaredParameters_areListed_checkedBeforeAnythingRuns_andSecretOnesMasked() throws Exception {
        String page = local.get(console.url("scripts/" + TYPED)).body();
        String token = Http.csrfOf(page);

        HttpResponse<String> missing = local.post(console.url("scripts/" + TYPED + "/run"),
                "parameters=pin%3D4711&csrf=" + token);
        HttpResponse<String> confirm = local.post(console.url("scripts/" + TYPED + "/run"),
                "parameters=tenant%3Dacme%0Apin%3D4711&csrf=" + token);

        assertTrue(page.contains("the tenant to fix") && page.contains("default 100") && page.contains("required, secret"),
                page);
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("tenant"), missing.body());
        assertTrue(console.history(TYPED).isEmpty());
        assertTrue(confirm.body().contains("Parameters: tenant=acme, pin=••••••") && !confirm.body().contains("4711"),
                confirm.body());
    }

    @Test
    void runAndCancel_behindTheConsolesSignIn_areRecordedUnderTheSignedInUser() throws Exception {
        fresh.get().execute("create table items (id integer primary key, counter integer not null)",
                "insert into items (id, counter) values (1, 0)", "insert into items (id, counter) values (2, 0)");
        ConsoleScripts.reset();
        ConsoleScripts.holdNextBatch = true;
        Http alice = Http.basic("alice", "s3cret");
        try (RunningConsole signedIn = new RunningConsole(fresh.get(),
                ConsoleSettings.defaults().withCredentials(Credentials.of("alice", "s3cret", null)))) {
            alice.run(signedIn.url(), BACKFILL, "parameters=");
            assertTrue(ConsoleScripts.held.await(60, TimeUnit.SECONDS), "the backfill never reached its held batch");
            String token = Http.csrfOf(alice.get(signedIn.url("scripts/" + BACKFILL + "/cancel")).body());

            alice.post(signedIn.url("scripts/" + BACKFILL + "/cancel"), "confirm=yes&csrf=" + token);
            ScriptState asked = signedIn.state(BACKFILL);
            ConsoleScripts.release.countDown();
            Eventually.until(() -> signedIn.state(BACKFILL).status() == ScriptStatus.CANCELLED, "the backfill to stop");

            assertEquals("alice (web console)", asked.executedBy());
            assertEquals("alice (web console)", asked.cancelRequestedBy());
            assertEquals("alice (web console)", signedIn.history(BACKFILL).get(0).executedBy());
        } finally {
            ConsoleScripts.release.countDown();
        }
    }

    @Test
    void aConfirmation_runsOnce() throws Exception {
        String token = Http.csrfOf(local.get(console.url("scripts/" + QUICK)).body());
        String confirmation = Http.confirmationOf(local.post(console.url("scripts/" + QUICK + "/run"), "csrf=" + token)
                .body());

        HttpResponse<String> first = local.post(console.url("scripts/" + QUICK + "/run"), confirmation);
        Eventually.until(() -> console.state(QUICK).status() == ScriptStatus.SUCCESS, "the run to succeed");
        HttpResponse<String> again = local.post(console.url("scripts/" + QUICK + "/run"), confirmation);

        assertEquals(303, first.statusCode());
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("was used already"), again.body());
        assertEquals(1, console.history(QUICK).size());
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
