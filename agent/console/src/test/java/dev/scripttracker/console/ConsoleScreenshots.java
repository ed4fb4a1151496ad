package dev.scripttracker.console;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Writes the README's screenshots of the console to {@code docs/} (a program, not a test):
 * {@code java -cp <test class path> dev.scripttracker.console.ConsoleScreenshots ../../docs}.
 */
public final class ConsoleScreenshots {

    private ConsoleScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(docs);
        TestDatabase db = DatabaseKind.H2.createFresh();
        db.execute("create table items (id integer primary key, counter integer not null)");
        db.execute("insert into items (id, counter) select x, 0 from system_range(1, 5000)");
        ConsoleScripts.reset();
        ExecutorService runs = Executors.newSingleThreadExecutor();
        try (RunningConsole console = new RunningConsole(db)) {
            console.tracker().run(ConsoleScripts.QUICK, dev.scripttracker.RunOptions.defaults()
                    .withParameter("tenant", "acme").withParameter("api_token", "hunter2"));
            console.tracker().run(ConsoleScripts.FAILS);
            console.tracker().run(ConsoleScripts.MARKUP);
            ConsoleScripts.batchPause = 40;
            runs.submit(() -> console.tracker().run(ConsoleScripts.BACKFILL));
            ChromeDriver browser = Chromium.start();
            try {
                browser.get(console.url());
                Thread.sleep(4_000);
                shoot(browser, docs.resolve("console-scripts.png"));
                browser.get(console.url("scripts/" + ConsoleScripts.FAILS));
                browser.findElement(By.tagName("details")).click();
                shoot(browser, docs.resolve("console-failed-script.png"));
                browser.get(console.url("scripts/" + ConsoleScripts.MARKUP));
                shoot(browser, docs.resolve("console-escaped-output.png"));
                browser.get(console.url("scripts/" + ConsoleScripts.BACKFILL));
                browser.findElement(By.id("cancel")).click();
                shoot(browser, docs.resolve("console-confirm-cancel.png"));
                browser.findElement(By.id("confirm")).click();
            } finally {
                browser.quit();
            }
        } finally {
            ConsoleScripts.batchPause = 0;
            runs.shutdown();
            runs.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static void shoot(ChromeDriver browser, Path file) throws Exception {
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        System.out.println("wrote " + file);
    }
}
