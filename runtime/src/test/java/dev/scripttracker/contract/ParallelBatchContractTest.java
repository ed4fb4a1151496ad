package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.Chunks;
import dev.scripttracker.Progress;
import dev.scripttracker.ProgressListener;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batch loops with {@code workers(n)} on a real database: the loop's items split into chunks that
 * several workers claim, every item processed once, a failed or cancelled run resumed where each chunk
 * stopped. One subclass per database.
 */
abstract class ParallelBatchContractTest {

    static final int ACCOUNTS = 5_000;

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    private final List<ScriptTracker> trackers = new ArrayList<>();
    /** Threads of their own for runs that block (the common pool may have one thread on two cores). */
    private final ExecutorService processes = Executors.newFixedThreadPool(2);
    TestDatabase db;

    abstract DatabaseKind kind();

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table accounts (id integer primary key, counter integer not null)",
                "create table items (id integer primary key, name varchar(100))",
                "create table coded (code varchar(20) primary key, id integer not null, counter integer not null)");
        try (Handle h = db.jdbi().open()) {
            PreparedBatch accounts = h.prepareBatch("insert into accounts (id, counter) values (?, 0)");
            PreparedBatch coded = h.prepareBatch("insert into coded (code, id, counter) values (?, ?, 0)");
            for (int id = 1; id <= ACCOUNTS; id++) {
                accounts.add(id);
                coded.add("c-" + Integer.toString(id * 7919 % 100_003, 36), id);
            }
            accounts.execute();
            coded.execute();
        }
        ParallelScripts.reset();
    }

    @AfterEach
    void closeTrackers() {
        BatchScripts.release.countDown();
        processes.shutdownNow();
        trackers.forEach(ScriptTracker::close);
    }

    ScriptTracker tracker(Class<?>... scripts) {
        ScriptTracker tracker = ScriptTracker.builder().dataSource(db.dataSource()).operator("ann@parallel-host")
                .lease(Duration.ofMillis(900)).register(scripts).build();
        trackers.add(tracker);
        return tracker;
    }

    long accountsWithCounter(int value) {
        return db.count("select count(*) from accounts where counter = " + value);
    }

    static ScriptState state(ScriptTracker tracker, String id) {
        return BatchContractTest.state(tracker, id);
    }

    @Test
    void fourWorkers_shareTheLoop_andUpdateEveryRowExactlyOnce() {
        ScriptTracker tracker = tracker(ParallelScripts.ParallelBackfill.class);
        ParallelScripts.firstTwoMeet = true;

        RunResult result = tracker.run("p01_parallel_backfill");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1), "every row once, none missed, none twice");
        assertTrue(ParallelScripts.workerThreads.size() > 1 && ParallelScripts.workerThreads.size() <= 4,
                "two batches ran at once (they waited for each other), on at most four workers: "
                        + ParallelScripts.workerThreads);
        ScriptState state = state(tracker, "p01_parallel_backfill");
        assertEquals(ScriptStatus.SUCCESS, state.status());
        assertEquals(ACCOUNTS, state.progress().done());
        assertEquals(ACCOUNTS, state.progress().total());
        assertTrue(state.checkpoint().endsWith(";finished"), state.checkpoint());
        assertEquals(0, db.count("select count(*) from tracked_scripts_chunks where status <> 'done'"));
        long chunks = db.count("select count(*) from tracked_scripts_chunks");
        assertTrue(chunks >= 16 && chunks % 4 == 0, chunks + " chunks: four per worker at least, as many for each");
        assertEquals(ACCOUNTS, db.count("select sum(items_done) from tracked_scripts_chunks"));
        assertEquals(0, db.count("select count(*) from tracked_scripts_chunks where mod(items_done, 50) <> 0"),
                "whole batches of 50 in every chunk");
        assertTrue(db.count("select max(items_done) - min(items_done) from tracked_scripts_chunks") <= 50,
                "chunk sizes differ by one batch at most");
    }

    @Test
    void failingBatch_failsTheRunWithItsError_andTheNextRunFinishesOnlyWhatIsLeft() {
        ScriptTracker tracker = tracker(ParallelScripts.ParallelBackfill.class);
        BatchScripts.failAtBatch = 30;

        RunResult failed = tracker.run("p01_parallel_backfill");

        assertEquals(RunOutcome.FAILED, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("batch 30 hit a bad row"), failed.message());
        long updated = accountsWithCounter(1);
        assertTrue(updated > 0 && updated < ACCOUNTS, "the committed batches stay, the rest waits: " + updated);
        assertEquals(0, accountsWithCounter(2));
        assertEquals(0, db.count("select count(*) from tracked_scripts_chunks where status = 'claimed'"),
                "the workers gave their chunks back");

        RunResult resumed = tracker.run("p01_parallel_backfill");

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1), "the rest once; nothing done twice");
        assertEquals(ACCOUNTS, state(tracker, "p01_parallel_backfill").progress().done());
    }

    @Test
    void cancel_stopsEveryWorker_andTheNextRunFinishesTheRest() throws Exception {
        ScriptTracker tracker = tracker(ParallelScripts.ParallelBackfill.class);
        BatchScripts.blockAtBatch = 10;
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> tracker.run("p01_parallel_backfill"),
                processes);
        assertTrue(BatchScripts.blocked.await(30, TimeUnit.SECONDS), "batch 10 started");

        Chunks chunks = state(tracker, "p01_parallel_backfill").chunks();
        assertTrue(chunks.total() >= 16 && chunks.done() < chunks.total(), chunks.toString());
        assertTrue(!chunks.workers().isEmpty() && chunks.workers().stream().allMatch(w -> w.endsWith(" ann@parallel-host")),
                "the workers holding a chunk, with who runs them: " + chunks.workers());
        tracker(ParallelScripts.ParallelBackfill.class).cancel("p01_parallel_backfill");
        BatchScripts.release.countDown();
        RunResult cancelled = running.get(60, TimeUnit.SECONDS);

        assertEquals(RunOutcome.CANCELLED, cancelled.outcome(), cancelled.message());
        assertTrue(accountsWithCounter(1) < ACCOUNTS, "stopped before the end: " + accountsWithCounter(1));
        assertEquals(0, accountsWithCounter(2));

        RunResult resumed = tracker.run("p01_parallel_backfill");

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
        Chunks done = state(tracker, "p01_parallel_backfill").chunks();
        assertEquals(List.of(done.total(), List.of()), List.of(done.done(), done.workers()));
    }

    @Test
    void secondProcess_joinsTheRunningLoop_takesChunks_andTheRunSucceedsOnce() throws Exception {
        ScriptTracker first = tracker(ParallelScripts.ParallelBackfill.class);
        ScriptTracker second = tracker(ParallelScripts.ParallelBackfill.class);
        ParallelScripts.pause = Duration.ofMillis(20); // both processes then read how many share the pace
        BatchScripts.blockAtBatch = 2;
        CountDownLatch halfSeenByTheFirst = new CountDownLatch(1);
        ProgressListener firstsBar = (script, progress) -> {
            if (progress.done() >= ACCOUNTS / 2) {
                halfSeenByTheFirst.countDown();
            }
        };
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> first.run("p01_parallel_backfill",
                RunOptions.defaults().withWorkers(1).withProgressListener(firstsBar)), processes);
        assertTrue(BatchScripts.blocked.await(30, TimeUnit.SECONDS), "the first process's only worker is at batch 2");
        BatchScripts.blockAtBatch = 0;

        List<Progress> secondsBar = new CopyOnWriteArrayList<>();
        CompletableFuture<RunResult> joining = CompletableFuture.supplyAsync(() -> second.run("p01_parallel_backfill",
                RunOptions.defaults().withWorkers(2).withProgressListener((script, p) -> secondsBar.add(p))), processes);
        assertTrue(ParallelScripts.otherBatchWhileBlocked.await(30, TimeUnit.SECONDS),
                "the second process did batches while the first one's worker waited");
        assertTrue(halfSeenByTheFirst.await(30, TimeUnit.SECONDS), "the first process's progress counts the second's"
                + " items while its own worker, still blocked at batch 2, has done one batch");
        BatchScripts.release.countDown();
        RunResult joined = joining.get(60, TimeUnit.SECONDS);
        RunResult result = running.get(60, TimeUnit.SECONDS);

        assertEquals(RunOutcome.JOINED, joined.outcome(), joined.message());
        assertTrue(joined.message().contains("joined parallel batch loop 1"), joined.message());
        assertTrue(secondsBar.get(0).done() >= 50 && secondsBar.get(0).total() == ACCOUNTS, "the joined process's"
                + " bar starts from the run's progress (the first's batch), over all the rows: " + secondsBar.get(0));
        assertFalse(result.output().contains("could not read the chunks") || joined.output().contains(
                "could not read the chunks"), "both processes read the chunks they watch:\n" + result.output()
                + joined.output());
        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1), "every row once over both processes");
        ScriptState state = state(first, "p01_parallel_backfill");
        assertEquals(ScriptStatus.SUCCESS, state.status());
        assertEquals(ACCOUNTS, state.progress().done(), "the progress of both processes");
        assertEquals(1, first.history("p01_parallel_backfill").size(), "one run, recorded once");
        assertTrue(ParallelScripts.workerThreads.stream().map(t -> t.substring(0, t.lastIndexOf('-'))).distinct()
                .count() == 2, "workers of two processes: " + ParallelScripts.workerThreads);
    }

    @Test
    void aJoinedProcessesFailingBatch_failsTheRunWithThatError_andTheNextRunFinishesTheRest() throws Exception {
        ScriptTracker first = tracker(ParallelScripts.ParallelBackfill.class);
        ScriptTracker second = tracker(ParallelScripts.ParallelBackfill.class);
        BatchScripts.blockAtBatch = 2;
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(
                () -> first.run("p01_parallel_backfill", RunOptions.defaults().withWorkers(1)), processes);
        assertTrue(BatchScripts.blocked.await(30, TimeUnit.SECONDS), "the first process's only worker is at batch 2");
        BatchScripts.blockAtBatch = 0;
        BatchScripts.failAtBatch = 3;

        RunResult joined = CompletableFuture.supplyAsync(
                () -> second.run("p01_parallel_backfill", RunOptions.defaults().withWorkers(2)), processes)
                .get(60, TimeUnit.SECONDS);
        BatchScripts.release.countDown();
        RunResult result = running.get(60, TimeUnit.SECONDS);

        assertEquals(RunOutcome.FAILED, joined.outcome(), joined.message());
        assertTrue(joined.message().contains("batch 3 hit a bad row"), joined.message());
        assertEquals(RunOutcome.FAILED, result.outcome(), "the run fails with the chunk's error, not a retry of it: "
                + result.message());
        assertTrue(result.message().contains("a worker of another process failed")
                && result.message().contains("batch 3 hit a bad row"), result.message());
        assertEquals(ScriptStatus.FAILED, state(first, "p01_parallel_backfill").status());
        assertEquals(0, accountsWithCounter(2));
        assertTrue(accountsWithCounter(1) < ACCOUNTS, "the failed chunk's rest is left for the next run");

        RunResult resumed = first.run("p01_parallel_backfill");

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1), "every row once over the three runs");
        assertEquals(0, db.count("select count(*) from tracked_scripts_chunks where status <> 'done'"));
    }

    /**
     * Kills the session of the worker at batch 20 from another connection, before that batch's update:
     * the batch rolls back and is redone, by that worker on a new connection or by another.
     */
    void assertAKilledWorkerConnectionCostsOnlyItsBatch(String sessionIdQuery, String killSession) {
        ParallelScripts.sessionIdQuery = sessionIdQuery;
        ParallelScripts.killSession = killSession;
        ParallelScripts.killer = db.jdbi();
        ParallelScripts.killAtBatch = 20;

        RunResult result = tracker(ParallelScripts.ConnectionKilled.class).run("p05_parallel_connection_killed");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(0L, ParallelScripts.killAtBatch, "the session was killed");
        assertTrue(result.output().contains("lost its database connection"), result.output());
        assertEquals(ACCOUNTS, accountsWithCounter(1), "the killed batch redone once, nothing twice");
    }

    @Test
    void textKeyInDescendingOrder_isCutBySampledKeys_andEveryRowIsUpdatedOnce() {
        ParallelScripts.firstTwoMeet = true;

        RunResult result = tracker(ParallelScripts.ByTextKey.class).run("p02_parallel_by_text_key");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ACCOUNTS, db.count("select count(*) from coded where counter = 1"));
        assertTrue(ParallelScripts.workerThreads.size() > 1, ParallelScripts.workerThreads.toString());
    }

    @Test
    void list_isSharedBetweenWorkers_eachItemOnce() {
        RunResult result = tracker(ParallelScripts.ListOfIds.class).run("p03_parallel_list");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(1_000, db.count("select count(distinct id) from items"));
    }

    @Test
    void workersOfTheRun_overrideTheLoops_andAreLogged() {
        RunResult result = tracker(ParallelScripts.ParallelBackfill.class).run("p01_parallel_backfill",
                RunOptions.defaults().withWorkers(2));

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertTrue(result.output().contains("2 workers in this process"), result.output());
        assertTrue(ParallelScripts.workerThreads.size() <= 2, ParallelScripts.workerThreads.toString());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
    }

    @Test
    void tablesOfSchemaVersion2_getTheChunkTable_andKeepTheirRows() {
        ScriptTracker first = tracker(ParallelScripts.ListOfIds.class);
        first.run("p03_parallel_list");
        first.close();
        db.execute("drop table tracked_scripts_chunks", "alter table tracked_scripts drop column code_checksum",
                "alter table tracked_scripts_history drop column code_checksum",
                "update tracked_scripts_schema set version = 2");

        ScriptTracker upgraded = tracker(ParallelScripts.ParallelBackfill.class, ParallelScripts.ListOfIds.class);

        assertEquals(4, db.count("select version from tracked_scripts_schema"));
        assertEquals(ScriptStatus.SUCCESS, state(upgraded, "p03_parallel_list").status());
        assertEquals(RunOutcome.SUCCEEDED, upgraded.run("p01_parallel_backfill").outcome());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
    }

    @Test
    void workersOutsideBatchMode_areRefused_namingTheFix_andNothingIsWritten() {
        RunResult result = tracker(ParallelScripts.WithoutBatchMode.class).run("p04_workers_without_batch_mode");

        assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
        assertTrue(result.message().contains("needs @TrackedScript(transaction = Transaction.BATCH)"), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(0));
    }
}
