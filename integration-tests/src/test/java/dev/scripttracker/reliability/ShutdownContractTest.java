package dev.scripttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM shut down under a running script (Kubernetes' SIGTERM on a deploy, or {@code System.exit()}
 * inside a command-line main) records the run interrupted at once, not when its lease expires,
 * and a batch run resumes after the batches it committed.
 */
abstract class ShutdownContractTest {

    private static final int ROWS = 200;

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    @TempDir
    Path dir;
    TestDatabase db;

    abstract DatabaseKind kind();

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table shutdown_items (id integer primary key)",
                "create table shutdown_rows (n integer primary key, counter integer not null)");
        try (Handle h = db.jdbi().open()) {
            var insert = h.prepareBatch("insert into shutdown_rows (n, counter) values (?, 0)");
            for (int n = 1; n <= ROWS; n++) {
                insert.add(n);
            }
            insert.execute();
        }
    }

    @Test
    void systemExitInsideTheScript_rollsBackItsWork_andRecordsItInterruptedAtOnce() throws Exception {
        Process child = start(ShutdownChild.EXITS);

        awaitExit(child);

        assertTrue(output(child).contains("CALLING EXIT"), output(child));
        assertEquals(List.of("interrupted"), column("select status from tracked_scripts"), output(child));
        assertTrue(column("select error_message from tracked_scripts").get(0).contains("System.exit()"),
                column("select error_message from tracked_scripts").toString());
        assertEquals(0, db.count("select count(*) from shutdown_items"), "the script's work was rolled back");
    }

    @Test
    void sigtermDuringABatchRun_stopsAtABatchBoundary_recordsItInterrupted_andTheNextRunResumes() throws Exception {
        Process child = start(ShutdownChild.SLOW_BATCHES);
        awaitOutput(child, "BATCH 3");

        child.destroy();
        awaitExit(child);

        assertEquals(List.of("interrupted"), column("select status from tracked_scripts"), output(child));
        String checkpoint = column("select checkpoint from tracked_scripts").get(0);
        long committed = db.count("select count(*) from shutdown_rows where counter = 1");
        assertTrue(checkpoint.contains(";done=" + committed + ";"), checkpoint + " vs " + committed + " rows");
        assertEquals(ROWS - committed, db.count("select count(*) from shutdown_rows where counter = 0"));

        Process again = start(ShutdownChild.SLOW_BATCHES);
        awaitExit(again);

        assertTrue(output(again).contains("RESULT SUCCEEDED"), output(again));
        assertEquals(ROWS, db.count("select count(*) from shutdown_rows where counter = 1"), "every row exactly once");
    }

    private Process start(String scriptId) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownChild.class.getName(), db.url(), scriptId);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(scriptId + "-" + System.nanoTime() + ".log").toFile()).start();
    }

    private String output(Process child) throws IOException {
        try (var logs = Files.list(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path log : logs.sorted().toList()) {
                all.append(Files.readString(log, StandardCharsets.UTF_8));
            }
            return all.toString();
        }
    }

    private void awaitOutput(Process child, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!output(child).contains(text)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("the child never printed " + text + ":\n" + output(child));
            }
            Thread.sleep(20);
        }
    }

    private void awaitExit(Process child) throws Exception {
        if (!child.waitFor(1, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            fail("the child did not exit within a minute:\n" + output(child));
        }
    }

    private List<String> column(String sql) {
        try (Handle h = db.jdbi().open()) {
            return h.createQuery(sql).mapTo(String.class).list();
        }
    }
}
