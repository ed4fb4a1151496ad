package dev.scripttracker.console;

import static dev.scripttracker.console.ConsoleScripts.BACKFILL;
import static dev.scripttracker.console.ConsoleScripts.FAILS;
import static dev.scripttracker.console.ConsoleScripts.HOSTILE;
import static dev.scripttracker.console.ConsoleScripts.MARKUP;
import static dev.scripttracker.console.ConsoleScripts.QUICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in a real headless Chromium, over a console served on H2. */
class ConsoleBrowserTest {

    private static final int ITEMS = 300;

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(DatabaseKind.H2);

    private static ChromeDriver browser;
    private final ExecutorService runs = Executors.newSingleThreadExecutor();
    private TestDatabase db;
    private RunningConsole console;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    @BeforeEach
    void serve() {
        db = fresh.get();
        db.execute("create table items (id integer primary key, counter integer not null)");
        try (Handle h = db.jdbi().open()) {
            PreparedBatch insert = h.prepareBatch("insert into items (id, counter) values (?, 0)");
            for (int id = 1; id <= ITEMS; id++) {
                insert.add(id);
            }
            insert.execute();
        }
        ConsoleScripts.reset();
        console = new RunningConsole(db);
    }

    @AfterEach
    void stop() throws InterruptedException {
        ConsoleScripts.batchPause = 0;
        ConsoleScripts.release.countDown();
        runs.shutdown();
        runs.awaitTermination(60, TimeUnit.SECONDS);
        console.close();
    }

    @Test
    void theList_showsARunningBatchScriptsProgressMoving_withoutAReload() throws Exception {
        ConsoleScripts.batchPause = 300;
        runs.submit(() -> console.tracker().run(BACKFILL));
        Eventually.until(() -> console.state(BACKFILL).status() == ScriptStatus.RUNNING, "the backfill to start");
        browser.get(console.url());
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = 'yes'");

        long first = doneShown(0);
        long later = doneShown(first);
        assertTrue(later > first, first + " then " + later);
        assertEquals("yes", ((JavascriptExecutor) browser).executeScript("return window.sameDocument"),
                "the page was reloaded instead of refreshing its rows");
        // Read in one script: the rows are replaced every second, so an element found could be gone by the next call.
        assertEquals("running " + ITEMS, ((JavascriptExecutor) browser).executeScript("var row = document.querySelector("
                + "\"tr[data-script='" + BACKFILL + "']\"); return row.querySelector('.status').textContent + ' '"
                + " + row.querySelector('progress').getAttribute('max')"));
    }

    @Test
    void cancelFromThePage_stopsTheBackfillAtTheNextBatchBoundary() throws Exception {
        ConsoleScripts.holdNextBatch = true;
        browser.get(console.url("scripts/" + BACKFILL));
        browser.findElement(By.id("run")).click();
        browser.findElement(By.id("confirm")).click();
        assertTrue(ConsoleScripts.held.await(60, TimeUnit.SECONDS), "the backfill never reached its held batch");

        browser.get(console.url("scripts/" + BACKFILL));
        browser.findElement(By.id("cancel")).click();
        browser.findElement(By.id("confirm")).click();
        assertTrue(browser.findElement(By.id("notice")).getText().startsWith("Cancel requested"));
        long updatedWhenAsked = db.count("select count(*) from items where counter = 1");
        ConsoleScripts.release.countDown();

        Eventually.until(() -> console.state(BACKFILL).status() == ScriptStatus.CANCELLED, "the backfill to stop");
        assertEquals(updatedWhenAsked + 10, db.count("select count(*) from items where counter = 1"),
                "the held batch commits, and no batch after it runs");
        assertEquals(0, db.count("select count(*) from items where counter > 1"));
        assertTrue(updatedWhenAsked + 10 < ITEMS && updatedWhenAsked % 10 == 0, "rows updated: " + updatedWhenAsked);
        assertTrue(console.audit.contains("local asked the console to cancel " + BACKFILL + ": cancel requested"),
                console.audit.toString());
        browser.navigate().refresh();
        assertEquals("cancelled", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("state-error")).getText().contains("cancelled by " + RunningConsole.OPERATOR),
                browser.findElement(By.id("state-error")).getText());
    }

    @Test
    void aFailedScriptsPage_showsItsError() throws Exception {
        console.tracker().run(FAILS);

        browser.get(console.url("?status=failed"));
        browser.findElement(By.linkText(FAILS)).click();

        assertEquals("failed", browser.findElement(By.id("status")).getText());
        assertTrue(browser.findElement(By.id("state-error")).getText()
                .contains("java.lang.IllegalStateException: balance of account 42 would go negative (-17.50)"));
        assertTrue(browser.findElement(By.cssSelector("section.attempt pre.output")).getText().contains("moving balances"));
    }

    @Test
    void anOutputWithHtmlAndJavaScript_showsAsText_andRunsNothing() throws Exception {
        console.tracker().run(MARKUP);

        browser.get(console.url("scripts/" + MARKUP));

        assertTrue(browser.findElement(By.cssSelector("pre.output")).getText().contains("customer name: " + HOSTILE));
        assertTrue(browser.findElement(By.id("state-error")).getText().contains("bad name " + HOSTILE));
        assertTrue(browser.findElement(By.cssSelector("p.description")).getText().contains(HOSTILE));
        assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned"));
        assertEquals(0L, ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll('main img, main script').length"));
    }

    @Test
    void anActionWhoseCsrfTokenWasRemoved_isRefused403_andChangesNothing() throws Exception {
        browser.get(console.url("scripts/" + QUICK));
        browser.findElement(By.id("parameters")).sendKeys("tenant=acme");
        browser.findElement(By.id("run")).click();
        browser.findElement(By.name("csrf"));
        ((JavascriptExecutor) browser).executeScript("document.querySelector(\"input[name='csrf']\").remove()");
        browser.findElement(By.id("confirm")).click();

        assertTrue(browser.findElement(By.id("message")).getText().contains("CSRF token is missing"));
        assertEquals(ScriptStatus.PENDING, console.state(QUICK).status());
        assertTrue(console.history(QUICK).isEmpty());
    }

    @Test
    void runFromThePage_withParameters_recordsThemAndWhoRanIt() throws Exception {
        browser.get(console.url("scripts/" + QUICK));
        browser.findElement(By.id("parameters")).sendKeys("tenant=acme\napi_token=hunter2");
        browser.findElement(By.id("run")).click();
        assertEquals("Parameters: tenant=acme, api_token=••••••", browser.findElement(By.id("confirm-parameters")).getText());
        browser.findElement(By.id("confirm")).click();

        Eventually.until(() -> console.state(QUICK).status() == ScriptStatus.SUCCESS, "the run to succeed");
        List<HistoryEntry> attempts = console.history(QUICK);
        assertEquals("acme", attempts.get(0).parameters().get("tenant"));
        assertEquals(RunningConsole.OPERATOR, attempts.get(0).executedBy());
        browser.navigate().refresh();
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("tenant=acme") && page.contains("api_token=••••••") && !page.contains("hunter2"), page);
    }

    /** The done count the list shows (rendered, not merely in the page) for the backfill once it exceeds {@code above}. */
    private long doneShown(long above) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            Object text = ((JavascriptExecutor) driver).executeScript("var done = document.querySelector("
                    + "\"tr[data-script='" + BACKFILL + "'] .done\");"
                    + " return done && done.getClientRects().length > 0 ? done.textContent : null");
            if (text == null) {
                return null;
            }
            long value = Long.parseLong(text.toString().split("/")[0].replace(",", ""));
            return value > above ? value : null;
        });
    }
}
