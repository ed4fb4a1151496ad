package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.HistoryEntry;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.StatementCount;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch scripts on a real database: each batch commits with its checkpoint, a stopped run resumes
 * after its last committed batch, and no row is processed twice. One subclass per database.
 */
abstract class BatchContractTest {

    static final int ACCOUNTS = 1_050;

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    @TempDir
    Path tempDir;
    private final List<ScriptTracker> trackers = new ArrayList<>();
    TestDatabase db;

    abstract DatabaseKind kind();

    String uuidType() {
        return "uuid";
    }

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table accounts (id integer primary key, counter integer not null)",
                "create table items (id integer primary key, name varchar(100))");
        try (Handle h = db.jdbi().open()) {
            PreparedBatch insert = h.prepareBatch("insert into accounts (id, counter) values (?, 0)");
            for (int id = 1; id <= ACCOUNTS; id++) {
                insert.add(id);
            }
            insert.execute();
        }
        BatchScripts.reset();
    }

    @AfterEach
    void closeTrackers() {
        BatchScripts.release.countDown();
        trackers.forEach(ScriptTracker::close);
    }

    ScriptTracker tracker(Class<?>... scripts) {
        return tracker(db.dataSource(), scripts);
    }

    ScriptTracker tracker(DataSource dataSource, Class<?>... scripts) {
        ScriptTracker tracker = ScriptTracker.builder().dataSource(dataSource).operator("bob@batch-host")
                .lease(Duration.ofMillis(600)).register(scripts).build();
        trackers.add(tracker);
        return tracker;
    }

    long accountsWithCounter(int value) {
        return db.count("select count(*) from accounts where counter = " + value);
    }

    static ScriptState state(ScriptTracker tracker, String id) {
        return tracker.status().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void backfill_updatesEveryRowExactlyOnce_andRecordsTheLastCheckpoint() {
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);

        RunResult result = tracker.run("b01_backfill");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
        ScriptState state = state(tracker, "b01_backfill");
        assertEquals(ACCOUNTS, state.progress().done());
        assertEquals(ACCOUNTS, state.progress().total());
        assertTrue(state.checkpoint().matches("loop=1;source=\\w{8};batch=11;done=" + ACCOUNTS + ";.*;finished"),
                state.checkpoint());
    }

    @Test
    void failedBatch_rollsBackOnlyThatBatch_andTheNextRunResumesAfterTheLastCommittedOne() {
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);
        BatchScripts.failAtBatch = 4;

        RunResult failed = tracker.run("b01_backfill");

        assertEquals(RunOutcome.FAILED, failed.outcome());
        assertTrue(failed.message().contains("batch 4 hit a bad row"), failed.message());
        assertTrue(failed.message().contains("the batches committed before it stopped stay committed"), failed.message());
        assertEquals(300, accountsWithCounter(1), "batches 1-3 committed, batch 4 rolled back");
        assertEquals(ACCOUNTS - 300, accountsWithCounter(0));

        RunResult resumed = tracker.runPending().result("b01_backfill").orElseThrow();

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1), "every row exactly once across both attempts");
        assertTrue(resumed.output().contains("resuming batch loop 1 after batch 3 (300 items done)"), resumed.output());
        List<HistoryEntry> history = tracker.history("b01_backfill");
        assertEquals(List.of(ScriptStatus.FAILED, ScriptStatus.SUCCESS), history.stream().map(HistoryEntry::status).toList());
        assertNull(history.get(0).resumedFrom());
        assertTrue(history.get(0).checkpoint().matches("loop=1;source=\\w{8};batch=3;done=300;.*"),
                history.get(0).checkpoint());
        assertEquals(history.get(0).checkpoint(), history.get(1).resumedFrom());
        assertEquals(ACCOUNTS, history.get(1).progressDone());
    }

    @Test
    void compositeKeyOfTextTimestampAndUuid_visitsEveryRowOnce_acrossAResume() {
        assertVisitsEveryEventOnce("kind, at, ref, id");
    }

    @Test
    void compositeKeyInMixedDirections_visitsEveryRowOnce_acrossAResume() {
        assertVisitsEveryEventOnce("kind desc, at, ref desc, id");
    }

    private void assertVisitsEveryEventOnce(String order) {
        db.execute("create table events (kind varchar(20) not null, at timestamp not null, ref " + uuidType()
                + " not null, id integer primary key, seen integer not null)");
        try (Handle h = db.jdbi().open()) {
            PreparedBatch insert = h.prepareBatch("insert into events (kind, at, ref, id, seen) values (?, ?, ?, ?, 0)");
            LocalDateTime base = LocalDateTime.of(2026, 11, 24, 9, 0, 0, 123_000_000);
            for (int id = 1; id <= 137; id++) {
                insert.add("kind-" + id % 3, base.plusMinutes(id % 5), UUID.nameUUIDFromBytes(("" + id % 7).getBytes()), id);
            }
            insert.execute();
        }
        BatchScripts.query = "select e.kind, e.at, e.ref, e.id from events e order by " + order;
        BatchScripts.size = 9;
        BatchScripts.failAtBatch = 5;
        ScriptTracker tracker = tracker(BatchScripts.CompositeKey.class);

        assertEquals(RunOutcome.FAILED, tracker.run("b02_keyed_by_text_time_uuid").outcome());
        assertEquals(36, db.count("select count(*) from events where seen = 1"), "4 batches of 9 committed");
        RunResult resumed = tracker.run("b02_keyed_by_text_time_uuid");

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(0, db.count("select count(*) from events where seen <> 1"));
    }

    @Test
    void secondLoop_resumes_whileTheFinishedFirstLoopIsNotRunAgain() {
        ScriptTracker tracker = tracker(BatchScripts.TwoLoops.class);
        BatchScripts.failAtBatch = 3;

        assertEquals(RunOutcome.FAILED, tracker.run("b08_two_loops").outcome());
        assertEquals(250 + 200, accountsWithCounter(1), "loop 1 done, loop 2 (descending) at 2 of 8 batches");
        RunResult resumed = tracker.run("b08_two_loops");

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
        assertTrue(resumed.output().contains("batch loop 1 over batch query"), resumed.output());
        assertTrue(resumed.output().contains("finished in an earlier attempt; not run again"), resumed.output());
    }

    @Test
    void listItems_resumeByPosition_andEachIsProcessedOnce() {
        ScriptTracker tracker = tracker(BatchScripts.ListItems.class);
        BatchScripts.failAtBatch = 2;

        assertEquals(RunOutcome.FAILED, tracker.run("b03_list").outcome());
        assertEquals(10, db.count("select count(*) from items"));
        assertEquals(RunOutcome.SUCCEEDED, tracker.run("b03_list").outcome());

        assertEquals(25, db.count("select count(*) from items"));
    }

    @Test
    void csvRecords_resumeByRecordNumber_andEachIsProcessedOnce() throws IOException {
        Path file = tempDir.resolve("users.csv");
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int id = 1; id <= 23; id++) {
            csv.append(id).append(",\"Doe, Jane ").append(id).append("\"\n");
        }
        Files.writeString(file, csv);
        ScriptTracker tracker = tracker(BatchScripts.CsvItems.class);
        RunOptions withFile = RunOptions.defaults().withParameter("file", file.toString());
        BatchScripts.failAtBatch = 3;

        assertEquals(RunOutcome.FAILED, tracker.run("b04_csv", withFile).outcome());
        assertEquals(20, db.count("select count(*) from items"));
        assertEquals(RunOutcome.SUCCEEDED, tracker.run("b04_csv", withFile).outcome());

        assertEquals(23, db.count("select count(*) from items"));
        assertEquals(1, db.count("select count(*) from items where id = 23 and name = 'Doe, Jane 23'"));
    }

    @Test
    void dryRun_rollsEveryBatchBack_andReportsTheRowsEachStatementWouldChange() {
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);

        RunResult result = tracker.run("b01_backfill", RunOptions.defaults().withDryRun());

        assertEquals(RunOutcome.DRY_RUN, result.outcome(), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(0), "nothing committed");
        StatementCount update = result.statements().stream().filter(c -> c.sql().startsWith("update accounts"))
                .findFirst().orElseThrow(() -> new AssertionError(result.statements()));
        assertEquals(11, update.executions());
        assertEquals(ACCOUNTS, update.rowsAffected());
        assertEquals(ScriptStatus.PENDING, state(tracker, "b01_backfill").status());
        assertEquals(List.of(), tracker.history("b01_backfill"));
    }

    @Test
    void run_reportsTheRowsOfTheStatementsJdbiRanOneAtATime_notTheCheckpoints() {
        RunResult result = tracker(BatchScripts.Backfill.class).run("b01_backfill");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(List.of(new StatementCount("update accounts set counter = counter + 1 where id in (<ids>)", 11,
                ACCOUNTS)), result.statements());
    }

    @Test
    void dryRun_reportsRowsChangedThroughPreparedBatchesAndRawJdbc_andNothingOfTheTrackersOwn() {
        ScriptTracker tracker = tracker(BatchScripts.ChangesRowsEveryWay.class);

        RunResult result = tracker.run("b14_changes_rows_every_way", RunOptions.defaults().withDryRun());

        assertEquals(RunOutcome.DRY_RUN, result.outcome(), result.message());
        assertEquals(List.of(
                new StatementCount("update accounts set counter = counter + 1 where id = :id", ACCOUNTS, ACCOUNTS),
                new StatementCount("insert into items (id, name) values (?, 'batch')", 11, 11),
                new StatementCount("update items set name = 'seen' where id = 1", 1, 1),
                new StatementCount("delete from items where id < 0", 11, 0)),
                result.statements().subList(0, 4));
        assertEquals(3 + 11, result.statements().size(), "one plain update per batch, each with its own text; "
                + "no checkpoint, page query or session setting: " + result.statements());
        assertEquals(ACCOUNTS, accountsWithCounter(0), "nothing committed");
        assertEquals(0, db.count("select count(*) from items"));
    }

    @Test
    void cancel_fromAnotherProcess_stopsAtTheNextBatchBoundary_andRunByIdResumes() throws Exception {
        ScriptTracker runner = tracker(BatchScripts.Backfill.class);
        ScriptTracker operator = tracker(BatchScripts.Backfill.class);
        BatchScripts.blockAtBatch = 3;
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner.run("b01_backfill"));
        assertTrue(BatchScripts.blocked.await(30, TimeUnit.SECONDS), "batch 3 never started");

        assertTrue(operator.cancel("b01_backfill"));
        assertEquals("bob@batch-host", state(operator, "b01_backfill").cancelRequestedBy());
        BatchScripts.release.countDown();
        RunResult cancelled = run.get(30, TimeUnit.SECONDS);

        assertEquals(RunOutcome.CANCELLED, cancelled.outcome(), cancelled.message());
        assertTrue(cancelled.message().contains("cancelled by bob@batch-host"), cancelled.message());
        assertEquals(300, accountsWithCounter(1), "batch 3 finished and committed; batch 4 never started");
        ScriptState state = state(operator, "b01_backfill");
        assertEquals(ScriptStatus.CANCELLED, state.status());
        assertTrue(state.needsExplicitRun());
        assertEquals(RunOutcome.NEEDS_EXPLICIT_RUN, operator.runPending().result("b01_backfill").orElseThrow().outcome());

        RunResult resumed = operator.run("b01_backfill");

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
    }

    @Test
    void runAndCancel_withAnOperatorOfTheirOwn_areRecordedUnderThatName_notTheTrackers() throws Exception {
        ScriptTracker runner = tracker(BatchScripts.Backfill.class);
        ScriptTracker console = tracker(BatchScripts.Backfill.class);
        BatchScripts.blockAtBatch = 3;
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner.run("b01_backfill",
                RunOptions.defaults().withOperator("alice (web console)")));
        assertTrue(BatchScripts.blocked.await(30, TimeUnit.SECONDS), "batch 3 never started");
        assertEquals("alice (web console)", state(console, "b01_backfill").executedBy());

        assertTrue(console.cancel("b01_backfill", "carol (web console)"));
        assertEquals("carol (web console)", state(console, "b01_backfill").cancelRequestedBy());
        BatchScripts.release.countDown();
        RunResult cancelled = run.get(30, TimeUnit.SECONDS);

        assertEquals(RunOutcome.CANCELLED, cancelled.outcome(), cancelled.message());
        assertTrue(cancelled.message().contains("cancelled by carol (web console)"), cancelled.message());
        assertEquals("alice (web console)", console.history("b01_backfill").get(0).executedBy());
        assertEquals("alice (web console)", state(console, "b01_backfill").executedBy());
        RunResult resumed = console.run("b01_backfill");
        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals("bob@batch-host", console.history("b01_backfill").get(1).executedBy(),
                "a run without an operator of its own is the tracker's");
    }

    @Test
    void operatorLongerThanItsColumn_isRefused_beforeAnythingIsRecorded() {
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);
        String tooLong = "a".repeat(256);

        ConfigurationException run = assertThrows(ConfigurationException.class,
                () -> RunOptions.defaults().withOperator(tooLong));
        ConfigurationException cancel = assertThrows(ConfigurationException.class,
                () -> tracker.cancel("b01_backfill", tooLong));

        assertTrue(run.getMessage().contains("256 characters long"), run.getMessage());
        assertTrue(cancel.getMessage().contains("at most 255"), cancel.getMessage());
        assertEquals(List.of(), tracker.history("b01_backfill"));
    }

    @Test
    void batchOfARunThatAnotherProcessDeclaredInterrupted_rollsBack_andTheNextRunResumesBeforeIt() throws Exception {
        ScriptTracker runner = tracker(BatchScripts.Backfill.class);
        BatchScripts.blockAtBatch = 3;
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner.run("b01_backfill"));
        assertTrue(BatchScripts.blocked.await(30, TimeUnit.SECONDS), "batch 3 never started");

        // What another process's cleanup writes once it believes the holder dead (its lease expired).
        db.execute("update tracked_scripts set status = 'interrupted', lease_until = null"
                + " where script_id = 'b01_backfill'");
        BatchScripts.release.countDown();
        RunResult lost = run.get(30, TimeUnit.SECONDS);

        assertTrue(lost.message().contains("before batch 3 committed; that batch was rolled back"), lost.message());
        assertEquals(200, accountsWithCounter(1), "batches 1-2 committed; batch 3's work rolled back with its checkpoint");
        assertEquals(ACCOUNTS - 200, accountsWithCounter(0));
        assertEquals(ScriptStatus.INTERRUPTED, state(runner, "b01_backfill").status());

        RunResult resumed = runner.runPending().result("b01_backfill").orElseThrow();

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertTrue(resumed.output().contains("resuming batch loop 1 after batch 2 (200 items done)"), resumed.output());
        assertEquals(ACCOUNTS, accountsWithCounter(1), "every row exactly once across both attempts");
    }

    @Test
    void cancel_ofAScriptThatIsNotRunning_saysSo() {
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);

        assertEquals(false, tracker.cancel("b01_backfill"));
    }

    @Test
    void progress_isVisibleToAnotherProcess_whileTheBatchesRun() throws Exception {
        ScriptTracker runner = tracker(BatchScripts.Backfill.class);
        ScriptTracker watcher = tracker(BatchScripts.Backfill.class);
        BatchScripts.blockAtBatch = 4;
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner.run("b01_backfill"));
        assertTrue(BatchScripts.blocked.await(30, TimeUnit.SECONDS), "batch 4 never started");

        ScriptState seen = state(watcher, "b01_backfill");

        assertEquals(ScriptStatus.RUNNING, seen.status());
        assertEquals(300, seen.progress().done());
        assertEquals(ACCOUNTS, seen.progress().total());
        assertTrue(seen.checkpoint().matches("loop=1;source=\\w{8};batch=3;done=300;.*"), seen.checkpoint());
        BatchScripts.release.countDown();
        assertEquals(RunOutcome.SUCCEEDED, run.get(30, TimeUnit.SECONDS).outcome());
    }

    @Test
    void timeout_keepsTheCommittedBatches_andTheNextRunResumes() {
        ScriptTracker tracker = tracker(BatchScripts.SlowBatches.class);

        RunResult timedOut = tracker.run("b07_slow_batches");

        assertEquals(RunOutcome.TIMED_OUT, timedOut.outcome(), timedOut.message());
        long committed = accountsWithCounter(1);
        assertTrue(committed > 0 && committed < ACCOUNTS, committed + " rows committed");
        assertEquals(0, committed % 100, "whole batches only");
        assertEquals(ACCOUNTS - committed, accountsWithCounter(0));
        ScriptState state = state(tracker, "b07_slow_batches");
        assertTrue(state.checkpoint().contains("done=" + committed + ";"), state.checkpoint());
    }

    @Test
    void throttle_waitsWhileItsConditionHolds_thenRunsEveryBatch() {
        ScriptTracker tracker = tracker(BatchScripts.Throttled.class);

        RunResult result = tracker.run("b05_throttled");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
        assertTrue(result.output().contains("throttled: waiting until the throttle condition clears"), result.output());
        assertTrue(BatchScripts.throttleChecks.get() > 3 + 11, "checked before every batch and while throttled");
    }

    @Test
    void batchesOfAScriptModeScript_commitOrRollBackTogether() {
        ScriptTracker tracker = tracker(BatchScripts.AllOrNothing.class);
        BatchScripts.failAtBatch = 5;

        assertEquals(RunOutcome.FAILED, tracker.run("b06_all_or_nothing_batches").outcome());

        assertEquals(ACCOUNTS, accountsWithCounter(0), "the whole script rolled back, batches 1-4 included");
        assertNull(state(tracker, "b06_all_or_nothing_batches").checkpoint());
    }

    @Test
    void queryWithoutOrderBy_failsBeforeAnyWrite_sayingHowToWriteIt() {
        assertRefused("select id from accounts where counter = 0", "has no ORDER BY");
    }

    @Test
    void queryOrderedByAnExpression_failsBeforeAnyWrite() {
        assertRefused("select id from accounts order by abs(id)", "is not a column");
    }

    @Test
    void queryWithALimit_failsBeforeAnyWrite() {
        assertRefused("select id from accounts order by id limit 10", "followed by LIMIT");
    }

    @Test
    void keyColumnThatIsNotSelected_failsBeforeAnyWrite() {
        assertRefused("select counter from accounts order by id", "which is not among the columns it selects");
    }

    @Test
    void nonUniqueKey_isRefusedWhenTwoRowsShareIt() {
        assertRefused("select id, counter from accounts order by counter", "returned two rows with the key [0]");
    }

    @Test
    void missingCsvFile_failsBeforeAnyWrite() {
        ScriptTracker tracker = tracker(BatchScripts.CsvItems.class);

        RunResult result = tracker.run("b04_csv", RunOptions.defaults().withParameter("file",
                tempDir.resolve("nowhere.csv").toString()));

        assertEquals(RunOutcome.FAILED, result.outcome());
        assertTrue(result.message().contains("nowhere.csv does not exist or cannot be read"), result.message());
        assertEquals(0, db.count("select count(*) from items"));
    }

    @Test
    void negativeBatchSize_failsBeforeAnyWrite() {
        BatchScripts.size = -5;

        assertRefused(BatchScripts.query, "batch size must be at least 1, was -5");
    }

    private void assertRefused(String query, String expected) {
        BatchScripts.query = query;
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);

        RunResult result = tracker.run("b01_backfill");

        assertEquals(RunOutcome.FAILED, result.outcome());
        assertTrue(result.message().contains(expected), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(0));
        assertNull(state(tracker, "b01_backfill").checkpoint());
    }

    @Test
    void tablesWrittenBySchemaVersion1_areUpgradedInPlace_andKeepTheirRows() {
        tracker(BatchScripts.Backfill.class).close();
        for (String column : List.of("resumed_from", "progress_rate", "progress_at", "cancel_requested_at",
                "cancel_requested_by", "code_checksum")) {
            db.execute("alter table tracked_scripts drop column " + column);
        }
        db.execute("alter table tracked_scripts_history drop column resumed_from",
                "alter table tracked_scripts_history drop column code_checksum", "drop table tracked_scripts_chunks",
                "update tracked_scripts_schema set version = 1",
                "insert into tracked_scripts (script_id, status, transaction_mode, attempt, consecutive_failures,"
                        + " run_id, progress_done, progress_total) values ('old_fix', 'success', 'SCRIPT', 1, 0,"
                        + " 'r1', 0, 0)");

        ScriptTracker upgraded = tracker(BatchScripts.Backfill.class);

        assertEquals(4, db.count("select version from tracked_scripts_schema"));
        assertEquals(0, db.count("select count(*) from tracked_scripts_chunks"), "the chunk table exists again");
        assertEquals(ScriptStatus.SUCCESS, state(upgraded, "old_fix").status());
        assertEquals(RunOutcome.SUCCEEDED, upgraded.run("b01_backfill").outcome());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
    }

    @Test
    void nestedLoops_areRefused_andTheOuterBatchRollsBack() {
        ScriptTracker tracker = tracker(BatchScripts.NestedLoops.class);

        RunResult result = tracker.run("b09_nested_loops");

        assertEquals(RunOutcome.FAILED, result.outcome());
        assertTrue(result.message().contains("batch loops cannot be nested"), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(0));
    }

    @Test
    void resumeWithOtherParameters_isRefused_andRestartStartsOver() {
        ScriptTracker tracker = tracker(BatchScripts.FromParameter.class);
        BatchScripts.failAtBatch = 3;
        assertEquals(RunOutcome.FAILED, tracker.run("b10_from_parameter",
                RunOptions.defaults().withParameter("min", "1")).outcome());

        RunResult changed = tracker.run("b10_from_parameter", RunOptions.defaults().withParameter("min", "901"));

        assertEquals(RunOutcome.FAILED, changed.outcome());
        assertTrue(changed.message().contains("that checkpoint was saved for a different source"), changed.message());
        assertTrue(changed.message().contains("--restart"), changed.message());
        assertEquals(200, accountsWithCounter(1), "nothing more was written");

        RunResult restarted = tracker.run("b10_from_parameter",
                RunOptions.defaults().withParameter("min", "901").withRestart());

        assertEquals(RunOutcome.SUCCEEDED, restarted.outcome(), restarted.message());
        assertEquals(200 + 150, accountsWithCounter(1));
        assertNull(tracker.history("b10_from_parameter").get(2).resumedFrom());
    }

    @Test
    void keyRepeatedAcrossABatchBoundary_isRefused() {
        db.execute("create table dups (k integer not null)", "insert into dups (k) values (1), (2), (2), (3)");
        BatchScripts.size = 1;

        assertRefusedAfterFirstBatch("select k from dups order by k", "returned two rows with the key [2]");
    }

    @Test
    void floatingPointKey_isRefused() {
        db.execute("create table floats (f real not null)", "insert into floats (f) values (0.1), (0.2)");

        assertRefused("select f from floats order by f", "is a floating-point");
    }

    @Test
    void commentsAroundTheOrderBy_areNotPartOfTheQueryOrTheKey() {
        BatchScripts.query = "select id from accounts -- every account\norder by id /* the key */ -- unique";
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);

        RunResult result = tracker.run("b01_backfill");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
    }

    @Test
    void skipAfterACommittedBatch_saysTheBatchStays_andTheScriptIsDone() {
        ScriptTracker tracker = tracker(BatchScripts.SkipsAfterABatch.class);

        RunResult skipped = tracker.run("b11_skips_after_a_batch");

        assertEquals(RunOutcome.SKIPPED, skipped.outcome());
        assertTrue(skipped.message().contains("the batches it committed before the skip stay committed"),
                skipped.message());
        assertEquals(100, accountsWithCounter(1));
        assertEquals(RunOutcome.ALREADY_DONE, tracker.runPending().result("b11_skips_after_a_batch").orElseThrow()
                .outcome());
    }

    @Test
    void backfillThatTimesOutAgainAndAgain_keepsResumingWhileItProgresses() {
        BatchScripts.size = 50;
        ScriptTracker tracker = tracker(BatchScripts.SlowBatches.class);
        List<RunOutcome> outcomes = new ArrayList<>();

        for (int run = 0; run < 20 && !outcomes.contains(RunOutcome.SUCCEEDED); run++) {
            outcomes.add(tracker.runPending().result("b07_slow_batches").orElseThrow().outcome());
        }

        assertTrue(outcomes.size() > 3, "more than 3 attempts: " + outcomes);
        assertEquals(RunOutcome.SUCCEEDED, outcomes.get(outcomes.size() - 1), outcomes.toString());
        assertTrue(outcomes.subList(0, outcomes.size() - 1).stream().allMatch(o -> o == RunOutcome.TIMED_OUT),
                outcomes.toString());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
    }

    private void assertRefusedAfterFirstBatch(String query, String expected) {
        BatchScripts.query = query;
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);

        RunResult result = tracker.run("b01_backfill");

        assertEquals(RunOutcome.FAILED, result.outcome());
        assertTrue(result.message().contains(expected), result.message());
        assertEquals(1, accountsWithCounter(1), "only the first batch (k = 1) committed");
    }

    @Test
    void cancel_ofAScriptModeScript_stopsItAtOnce_andRollsItsWorkBack() throws Exception {
        assertCancelledWhileWaiting(BatchScripts.WaitsInOneTransaction.class, "b12_waits_in_one_transaction");

        assertEquals(ACCOUNTS, accountsWithCounter(0), "the script's transaction was rolled back");
    }

    @Test
    void cancel_ofABatchScriptOutsideItsLoop_stopsItAtOnce() throws Exception {
        assertCancelledWhileWaiting(BatchScripts.WaitsBeforeItsLoop.class, "b13_waits_before_its_loop");

        assertEquals(ACCOUNTS, accountsWithCounter(0), "no batch ran");
    }

    private void assertCancelledWhileWaiting(Class<?> script, String id) throws Exception {
        ScriptTracker runner = tracker(script);
        ScriptTracker operator = tracker(script);
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> runner.run(id));
        assertTrue(BatchScripts.blocked.await(30, TimeUnit.SECONDS), "the script never started");

        assertTrue(operator.cancel(id));
        RunResult cancelled = run.get(30, TimeUnit.SECONDS);

        assertEquals(RunOutcome.CANCELLED, cancelled.outcome(), cancelled.message());
        assertTrue(cancelled.message().contains("cancelled by bob@batch-host"), cancelled.message());
        assertEquals(ScriptStatus.CANCELLED, state(operator, id).status());
    }
}
