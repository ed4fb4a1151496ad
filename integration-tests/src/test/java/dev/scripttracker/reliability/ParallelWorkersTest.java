package dev.scripttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One {@code BATCH} backfill with {@code workers(4)} shared by several JVMs on a real database, each
 * running it by id as a pod's start would: the first plans the chunks and records the outcome, the
 * others join. Every row must be updated exactly once ({@code counter = counter + 1}), also when JVMs
 * are killed with SIGKILL at random moments and replaced. The seed of the kill schedule is printed.
 */
abstract class ParallelWorkersTest {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());

    abstract DatabaseKind kind();

    /** The URL the child JVMs use. */
    String childUrl(TestDatabase db) {
        return db.url();
    }

    /** Keeps the database open in this JVM while the children run, where it must be (H2's automatic server). */
    AutoCloseable holdOpen(TestDatabase db) throws Exception {
        return () -> { };
    }

    @Test
    void fourJvmsOfFourWorkers_shareAMillionRowBackfill_andUpdateEveryRowOnce() throws Exception {
        int rows = Integer.getInteger("reliability.parallelRows", 1_000_000);
        TestDatabase db = fresh.get();
        createRows(db, rows);
        Path logs = Files.createDirectories(Path.of("target", "reliability", "parallel-" + kind() + "-shared"));
        List<ParallelChildProcess> children = new ArrayList<>();
        try (AutoCloseable held = holdOpen(db)) {
            for (int i = 1; i <= 4; i++) {
                children.add(ParallelChildProcess.start(logs, "pod-" + i, childUrl(db), 1_000, 10, 30_000));
            }
            for (ParallelChildProcess child : children) {
                assertEquals(0, child.awaitExit(PATIENCE), child.name() + ":\n" + child.output());
            }
        }

        List<String> outcomes = new ArrayList<>();
        for (ParallelChildProcess child : children) {
            outcomes.addAll(child.outcomes());
        }
        // Whether a late JVM still finds chunks to take depends on timing; ParallelBatchContractTest proves the joining.
        assertEquals(1, outcomes.stream().filter(o -> o.startsWith("SUCCEEDED")).count(), outcomes.toString());
        assertTrue(outcomes.stream().allMatch(o -> o.startsWith("SUCCEEDED") || o.startsWith("JOINED")
                || o.startsWith("ALREADY_DONE")), "each JVM ran the run, joined it or found it done: " + outcomes);
        assertEveryRowOnce(db, rows);
    }

    @Test
    void thirtyKillsOfARandomJvm_whileThreeOthersRun_leaveEveryRowUpdatedOnce() throws Exception {
        long seed = Long.getLong("reliability.seed", new Random().nextLong());
        int kills = Integer.getInteger("reliability.parallelKills", 30);
        System.out.println("parallel kill test on " + kind() + ": " + kills + " kills, seed " + seed
                + " (replay with -Dreliability.seed=" + seed + ")");
        Random random = new Random(seed);
        int rows = 100_000;
        TestDatabase db = fresh.get();
        createRows(db, rows);
        Path logs = Files.createDirectories(Path.of("target", "reliability", "parallel-" + kind() + "-kills"));
        List<ParallelChildProcess> running = new ArrayList<>();
        try (AutoCloseable held = holdOpen(db)) {
            String url = childUrl(db);
            for (int i = 1; i <= 4; i++) {
                running.add(ParallelChildProcess.start(logs, "pod-" + i, url, 100, 300, 2_000));
            }
            for (int kill = 1; kill <= kills; kill++) {
                Thread.sleep(200 + random.nextInt(600));
                ParallelChildProcess victim = running.remove(random.nextInt(running.size()));
                victim.kill();
                running.add(ParallelChildProcess.start(logs, "pod-" + (4 + kill), url, 100, 300, 2_000));
            }
            for (ParallelChildProcess child : running) {
                assertEquals(0, child.awaitExit(PATIENCE), child.name() + ":\n" + child.output());
            }
            ParallelChildProcess last = ParallelChildProcess.start(logs, "final", url, 100, 0, 2_000);
            assertEquals(0, last.awaitExit(PATIENCE), last.output());
        }

        assertEveryRowOnce(db, rows);
        assertEquals(0, db.count("select count(*) from tracked_scripts_history where status = 'running'"),
                "every killed attempt is recorded interrupted");
    }

    private static void assertEveryRowOnce(TestDatabase db, int rows) {
        assertEquals(rows, db.count("select count(*) from parallel_rows"));
        assertEquals(0, db.count("select count(*) from parallel_rows where counter = 0"), "rows never updated");
        assertEquals(0, db.count("select count(*) from parallel_rows where counter > 1"), "rows updated twice");
        assertEquals(0, db.count("select count(*) from tracked_scripts_chunks where status <> 'done'"),
                "no chunk left claimed or pending");
        try (ScriptTracker observer = ScriptTracker.builder().jdbcUrl(db.url()).register(ParallelBackfillScript.class)
                .build()) {
            ScriptState state = observer.status().stream().filter(s -> s.id().equals(ParallelBackfillScript.ID))
                    .findFirst().orElseThrow();
            List<HistoryEntry> history = observer.history(ParallelBackfillScript.ID);
            assertEquals(ScriptStatus.SUCCESS, state.status(), history.toString());
            assertEquals(rows, state.progress().done(), "the progress of every JVM");
            assertEquals(1, history.stream().filter(h -> h.status() == ScriptStatus.SUCCESS).count(),
                    history.toString());
        }
    }

    private static void createRows(TestDatabase db, int rows) {
        db.execute("create table parallel_rows (id integer primary key, counter integer not null)");
        try (Handle h = db.jdbi().open()) {
            for (int first = 1; first <= rows; first += 5_000) {
                h.execute("insert into parallel_rows (id, counter) values " + IntStream
                        .range(first, Math.min(rows + 1, first + 5_000))
                        .mapToObj(id -> "(" + id + ", 0)").collect(Collectors.joining(", ")));
            }
        }
    }
}
