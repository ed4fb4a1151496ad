package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.HistoryEntry;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunReport;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.ScriptTrackerBuilder;
import dev.scripttracker.contract.ContractScripts.AfterBase;
import dev.scripttracker.contract.ContractScripts.Base;
import dev.scripttracker.contract.ContractScripts.Blocking;
import dev.scripttracker.contract.ContractScripts.CallsAServiceThenFails;
import dev.scripttracker.contract.ContractScripts.Chatty;
import dev.scripttracker.contract.ContractScripts.InsertsItem;
import dev.scripttracker.contract.ContractScripts.InsertsThenFails;
import dev.scripttracker.contract.ContractScripts.NoTransactionFails;
import dev.scripttracker.contract.ContractScripts.RunnableScript;
import dev.scripttracker.contract.ContractScripts.SkipsScript;
import dev.scripttracker.contract.ContractScripts.SleepsPastTimeout;
import dev.scripttracker.contract.ContractScripts.SlowStatement;
import dev.scripttracker.contract.ContractScripts.UsesParameters;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every behaviour of the engine, on a real database. Each database has a subclass of a few lines;
 * a quirk of one database is an override there with a comment saying why.
 */
abstract class EngineContractTest {

    static final String OPERATOR = "alice@host-a";

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    private final List<ScriptTracker> trackers = new ArrayList<>();
    TestDatabase db;

    abstract DatabaseKind kind();

    /** A statement that takes 30 seconds on this database. */
    abstract String slowStatement();

    /**
     * Ends, from outside, every session of the test's database except this test's own and the one
     * with an open transaction (the running script's work): what is left is the runner's lock session.
     */
    abstract void killLockSession();

    /** What the database says when it cancels a statement at the statement timeout. */
    abstract String statementTimeoutMessage();

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table items (id integer primary key, name varchar(100))",
                "create table counter (n integer not null)", "insert into counter (n) values (0)");
        ContractScripts.resetLatches();
        ContractScripts.slowStatement = slowStatement();
    }

    @AfterEach
    void closeTrackers() {
        ContractScripts.release.countDown();
        trackers.forEach(ScriptTracker::close);
    }

    /** Where the trackers under test get their connections. */
    javax.sql.DataSource dataSource() {
        return db.dataSource();
    }

    ScriptTrackerBuilder builder(Class<?>... scripts) {
        return ScriptTracker.builder().dataSource(dataSource()).operator(OPERATOR).register(scripts);
    }

    ScriptTracker tracker(Class<?>... scripts) {
        return keep(builder(scripts).build());
    }

    ScriptTracker keep(ScriptTracker tracker) {
        trackers.add(tracker);
        return tracker;
    }

    long items(int id) {
        return db.count("select count(*) from items where id = " + id);
    }

    static ScriptState state(ScriptTracker tracker, String id) {
        return tracker.status().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void runPendingOfSeveralScripts_takesAsManyConnectionsAsRunPendingOfOne() {
        AtomicInteger forOne = new AtomicInteger();
        AtomicInteger forFour = new AtomicInteger();
        ScriptTracker one = keep(ScriptTracker.builder().dataSource(CountingDataSource.wrapping(dataSource(), forOne))
                .tablePrefix("one_script").register(InsertsItem.class).build());
        ScriptTracker four = keep(ScriptTracker.builder().dataSource(CountingDataSource.wrapping(dataSource(), forFour))
                .tablePrefix("four_scripts").register(Chatty.class, RunnableScript.class, Base.class, AfterBase.class)
                .build());
        forOne.set(0);
        forFour.set(0);

        RunReport ofOne = one.runPending();
        RunReport ofFour = four.runPending();

        assertTrue(ofOne.results().stream().allMatch(r -> r.outcome() == RunOutcome.SUCCEEDED), ofOne.toString());
        assertEquals(4, ofFour.results().stream().filter(r -> r.outcome() == RunOutcome.SUCCEEDED).count(),
                ofFour.toString());
        assertEquals(forOne.get(), forFour.get(), "connections taken: the scripts of one run share theirs");
    }

    @Test
    void runOfSeveralIds_runsThemInTheOrderGivenOnOnePairOfConnections() {
        AtomicInteger opened = new AtomicInteger();
        ScriptTracker tracker = keep(ScriptTracker.builder().dataSource(CountingDataSource.wrapping(dataSource(), opened))
                .register(InsertsItem.class, Chatty.class, RunnableScript.class).build());
        opened.set(0);

        RunReport report = tracker.run(List.of("0010_runnable", "0001_inserts_item", "0007_chatty"), RunOptions.defaults());

        assertEquals(List.of("0010_runnable", "0001_inserts_item", "0007_chatty"),
                report.results().stream().map(RunResult::scriptId).toList());
        assertTrue(report.results().stream().allMatch(r -> r.outcome() == RunOutcome.SUCCEEDED), report.toString());
        assertEquals(2, opened.get(), "one work connection and one record connection for the three scripts");
    }

    @Test
    void aScriptThatLeftAutocommitOff_doesNotSwallowTheNextScriptsWork() {
        ScriptTracker tracker = tracker(ContractScripts.ManagesItsOwnCommits.class,
                ContractScripts.InsertsWithoutATransaction.class);

        RunReport report = tracker.runPending();

        assertTrue(report.results().stream().allMatch(r -> r.outcome() == RunOutcome.SUCCEEDED), report.toString());
        assertEquals(1, items(20));
        assertEquals(1, items(21), "the second script's insert is committed, not left in the first one's transaction");
    }

    @Test
    void aScriptThatClosesItsConnection_stillCommitsWithItsRecord_andReleasesTheLock() {
        ScriptTracker tracker = tracker(ContractScripts.ClosesItsConnection.class);

        RunResult first = tracker.run("0024_closes_its_connection");

        assertEquals(RunOutcome.SUCCEEDED, first.outcome(), first.toString());
        assertEquals(1, items(241), "the work done before the close is committed with the record");
        assertEquals(1, items(251), "the work done after the close is committed with the record");
        assertEquals("success", db.text("select status from tracked_scripts where script_id = '0024_closes_its_connection'"));
        ScriptTracker another = keep(builder(ContractScripts.ClosesItsConnection.class).build());
        RunResult again = another.run("0024_closes_its_connection",
                RunOptions.defaults().withForce().withLockWait(Duration.ofSeconds(2)));
        assertEquals(RunOutcome.SUCCEEDED, again.outcome(), "the lock was given back: " + again);
        assertEquals(1, items(242));
        assertEquals(1, items(252));
    }

    @Test
    void runOfSeveralIds_refusesAnUnknownIdBeforeRunningAny() {
        ScriptTracker tracker = tracker(InsertsItem.class);

        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> tracker.run(List.of("0001_inserts_item", "0999_no_such_script"), RunOptions.defaults()));

        assertTrue(unknown.getMessage().contains("0999_no_such_script"), unknown.getMessage());
        assertEquals(0, items(1));
    }

    @Test
    void runOfSeveralIds_stopsAfterTheFirstFailure() {
        ScriptTracker tracker = tracker(InsertsThenFails.class, InsertsItem.class);

        RunReport report = tracker.run(List.of("0002_inserts_then_fails", "0001_inserts_item"), RunOptions.defaults());

        assertEquals(List.of(RunOutcome.FAILED), report.results().stream().map(RunResult::outcome).toList());
        assertEquals(0, items(1));
    }

    @Test
    void success_commitsTheWorkAndRecordsWhoRanItWithTheOutput() {
        ScriptTracker tracker = tracker(InsertsItem.class);

        RunReport report = tracker.runPending();

        assertEquals(RunOutcome.SUCCEEDED, report.result("0001_inserts_item").orElseThrow().outcome());
        assertEquals(1, items(1));
        ScriptState state = state(tracker, "0001_inserts_item");
        assertEquals(ScriptStatus.SUCCESS, state.status());
        assertEquals(OPERATOR, state.executedBy());
        assertEquals(1, state.attempts());
        assertNotNull(state.duration());
        assertTrue(state.output().contains("inserted item 1"), state.output());
        List<HistoryEntry> history = tracker.history("0001_inserts_item");
        assertEquals(1, history.size());
        assertEquals(ScriptStatus.SUCCESS, history.get(0).status());
    }

    @Test
    void secondRun_doesNothing() {
        tracker(InsertsItem.class).runPending();
        ScriptTracker again = tracker(InsertsItem.class);

        RunReport report = again.runPending();

        assertEquals(RunOutcome.ALREADY_DONE, report.result("0001_inserts_item").orElseThrow().outcome());
        assertEquals(RunOutcome.ALREADY_DONE, again.run("0001_inserts_item").outcome());
        assertEquals(1, again.history("0001_inserts_item").size());
    }

    @Test
    void force_runsASucceededScriptAgainAsANewAttempt() {
        ScriptTracker tracker = tracker(Chatty.class);
        tracker.runPending();

        RunResult again = tracker.run("0007_chatty", RunOptions.defaults().withForce());

        assertEquals(RunOutcome.SUCCEEDED, again.outcome());
        assertEquals(2, again.attempt());
        assertEquals(2, tracker.history("0007_chatty").size());
    }

    @Test
    void failure_rollsBackTheScriptsRowsAndRecordsTheError() {
        ScriptTracker tracker = tracker(InsertsThenFails.class);

        RunReport report = tracker.runPending();

        assertEquals(RunOutcome.FAILED, report.result("0002_inserts_then_fails").orElseThrow().outcome());
        assertTrue(report.hasFailures());
        assertEquals(0, items(2), "the failed script's insert must be rolled back");
        ScriptState state = state(tracker, "0002_inserts_then_fails");
        assertEquals(ScriptStatus.FAILED, state.status());
        assertEquals(IllegalStateException.class.getName(), state.errorClass());
        assertTrue(state.errorMessage().contains("boom: the disk is on fire"), state.errorMessage());
        assertTrue(state.output().contains("about to fail"), state.output());
        HistoryEntry attempt = tracker.history("0002_inserts_then_fails").get(0);
        assertTrue(attempt.errorStack().contains("InsertsThenFails.run"), attempt.errorStack());
    }

    @Test
    void failedScript_isRetriedAutomaticallyUntilItFailedThreeTimesInARow() {
        ScriptTracker tracker = tracker(InsertsThenFails.class);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(RunOutcome.FAILED, tracker.runPending().results().get(0).outcome(), "attempt " + attempt);
        }

        RunResult fourth = tracker.runPending().results().get(0);

        assertEquals(RunOutcome.NEEDS_EXPLICIT_RUN, fourth.outcome());
        assertTrue(fourth.message().contains("3 times in a row"), fourth.message());
        assertTrue(state(tracker, "0002_inserts_then_fails").needsExplicitRun());
        assertEquals(RunOutcome.FAILED, tracker.run("0002_inserts_then_fails").outcome(), "an explicit run still runs");
        assertEquals(4, tracker.history("0002_inserts_then_fails").size());
    }

    @Test
    void failureAfterWorkOutsideTheTransaction_saysThatWorkMayBePartialAndWaitsForAnExplicitRun() {
        ScriptTracker tracker = tracker(CallsAServiceThenFails.class);

        RunResult failed = tracker.runPending().results().get(0);

        assertEquals(RunOutcome.FAILED, failed.outcome());
        assertEquals(0, items(22), "the work on script-tracker's connection is rolled back");
        assertTrue(failed.message().contains("the billing service (POST /refunds)")
                && failed.message().contains("NOT rolled back and may be partial"), failed.message());
        assertTrue(state(tracker, "0022_calls_a_service_then_fails").errorMessage().contains("may be partial"));
        assertEquals(RunOutcome.NEEDS_EXPLICIT_RUN, tracker.runPending().results().get(0).outcome());
    }

    @Test
    void failureWithoutTransaction_keepsItsPartialWorkAndWaitsForAnExplicitRun() {
        ScriptTracker tracker = tracker(NoTransactionFails.class);
        assertEquals(RunOutcome.FAILED, tracker.runPending().results().get(0).outcome());
        assertEquals(1, items(8), "autocommit work stays");

        assertEquals(RunOutcome.NEEDS_EXPLICIT_RUN, tracker.runPending().results().get(0).outcome());

        db.execute("delete from items where id = 8");
        RunResult explicit = tracker.run("0008_no_transaction_fails", RunOptions.defaults().withParameter("fixed", "yes"));
        assertEquals(RunOutcome.SUCCEEDED, explicit.outcome());
        assertEquals(2, explicit.attempt());
    }

    @Test
    void failure_stopsThePendingRunBeforeLaterScripts() {
        ScriptTracker tracker = tracker(InsertsThenFails.class, SkipsScript.class);

        RunReport report = tracker.runPending();

        assertEquals(RunOutcome.NOT_ATTEMPTED, report.result("0003_skips").orElseThrow().outcome());
        assertEquals(ScriptStatus.PENDING, state(tracker, "0003_skips").status());
    }

    @Test
    void skip_rollsBackAndRecordsSkippedWithTheReason() {
        ScriptTracker tracker = tracker(SkipsScript.class);

        RunResult result = tracker.runPending().results().get(0);

        assertEquals(RunOutcome.SKIPPED, result.outcome());
        assertEquals(0, items(3));
        assertEquals(0, items(33));
        ScriptState state = state(tracker, "0003_skips");
        assertEquals(ScriptStatus.SKIPPED, state.status());
        assertTrue(state.errorMessage().contains("nothing to fix"), state.errorMessage());
        assertEquals(RunOutcome.ALREADY_DONE, tracker.runPending().results().get(0).outcome());
    }

    @Test
    void timeout_interruptsTheScriptRollsBackAndRecordsTimedOut() {
        ScriptTracker tracker = tracker(SleepsPastTimeout.class);

        RunResult result = tracker.runPending().results().get(0);

        assertEquals(RunOutcome.TIMED_OUT, result.outcome());
        assertEquals(0, items(4));
        ScriptState state = state(tracker, "0004_sleeps_past_timeout");
        assertEquals(ScriptStatus.TIMED_OUT, state.status());
        assertTrue(state.errorMessage().contains("PT1S"), state.errorMessage());
    }

    @Test
    void timeout_stopsALongStatementInTheDatabase() {
        ScriptTracker tracker = tracker(SlowStatement.class);

        RunResult result = tracker.runPending().results().get(0);

        assertEquals(RunOutcome.TIMED_OUT, result.outcome(), result.message());
        assertTrue(String.valueOf(result.error()).contains(statementTimeoutMessage()), String.valueOf(result.error()));
        assertEquals(0, items(5));
        assertEquals(ScriptStatus.TIMED_OUT, state(tracker, "0005_slow_statement").status());
    }

    @Test
    void racingRunners_runTheScriptOnceAndTheOtherReportsWhoHoldsIt() throws Exception {
        ScriptTracker first = tracker(Blocking.class);
        ScriptTracker second = keep(builder(Blocking.class, Chatty.class).operator("bob@host-b")
                .lockWait(Duration.ZERO).build());
        CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(first::runPending);
        assertTrue(ContractScripts.entered.await(1, TimeUnit.MINUTES), "the first runner never started the script");

        RunReport other = second.runPending();

        RunResult locked = other.result("0006_blocking").orElseThrow();
        assertEquals(RunOutcome.LOCKED, locked.outcome());
        assertTrue(locked.message().contains(OPERATOR), locked.message());
        assertEquals(RunOutcome.NOT_ATTEMPTED, other.result("0007_chatty").orElseThrow().outcome(),
                "a later script must wait while an earlier one runs elsewhere");
        assertEquals(ScriptStatus.RUNNING, state(second, "0006_blocking").status());
        ContractScripts.release.countDown();
        assertEquals(RunOutcome.SUCCEEDED, running.get(1, TimeUnit.MINUTES).results().get(0).outcome());
        assertEquals(RunOutcome.ALREADY_DONE, second.runPending().results().get(0).outcome());
        assertEquals(1, db.count("select n from counter"));
    }

    @Test
    void simultaneousRunners_runTheScriptExactlyOnce() throws Exception {
        ContractScripts.release.countDown();
        List<ScriptTracker> fleet = new ArrayList<>();
        for (int pod = 0; pod < 6; pod++) {
            fleet.add(keep(builder(Blocking.class).operator("pod-" + pod + "@fleet").build()));
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<CompletableFuture<RunReport>> runs = fleet.stream().map(t -> CompletableFuture.supplyAsync(() -> {
            await(start);
            return t.runPending();
        }, java.util.concurrent.Executors.newCachedThreadPool())).toList();

        start.countDown();

        long succeeded = 0;
        for (CompletableFuture<RunReport> run : runs) {
            RunOutcome outcome = run.get(1, TimeUnit.MINUTES).results().get(0).outcome();
            assertTrue(outcome == RunOutcome.SUCCEEDED || outcome == RunOutcome.ALREADY_DONE, outcome.toString());
            succeeded += outcome == RunOutcome.SUCCEEDED ? 1 : 0;
        }
        assertEquals(1, succeeded);
        assertEquals(1, db.count("select n from counter"));
        assertEquals(1, fleet.get(0).history("0006_blocking").size());
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void heartbeat_renewsTheLeaseOfARunningScript() throws Exception {
        ScriptTracker tracker = keep(builder(Blocking.class).lease(Duration.ofMillis(300)).build());
        CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(tracker::runPending);
        assertTrue(ContractScripts.entered.await(1, TimeUnit.MINUTES));
        Instant started = state(tracker, "0006_blocking").heartbeatAt();

        Instant renewed = started;
        for (int look = 0; look < 600 && !renewed.isAfter(started); look++) {
            Thread.sleep(50);
            renewed = state(tracker, "0006_blocking").heartbeatAt();
        }

        assertTrue(renewed.isAfter(started), "the heartbeat never renewed the lease");
        ContractScripts.release.countDown();
        assertEquals(RunOutcome.SUCCEEDED, running.get(1, TimeUnit.MINUTES).results().get(0).outcome());
    }

    @Test
    void lostConnections_stopTheScriptRollItsWorkBackAndItRunsAgain() throws Exception {
        ScriptTracker tracker = keep(builder(Blocking.class).lease(Duration.ofMillis(300)).build());
        CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(tracker::runPending);
        assertTrue(ContractScripts.entered.await(1, TimeUnit.MINUTES), "the script never started");

        killLockSession();

        RunResult lost = running.get(1, TimeUnit.MINUTES).results().get(0);
        assertEquals(RunOutcome.INTERRUPTED, lost.outcome(), lost.message());
        assertEquals(0, db.count("select n from counter"),
                "the script's own connection was alive: the runner must have rolled its work back");
        assertEquals(ScriptStatus.INTERRUPTED, state(tracker, "0006_blocking").status());
        ContractScripts.release.countDown();
        assertEquals(RunOutcome.SUCCEEDED, tracker.runPending().results().get(0).outcome());
        assertEquals(1, db.count("select n from counter"));
    }

    /**
     * Whether the database's lock is held by the holder's work session, so that a free lock proves the
     * holder gone (PostgreSQL, MariaDB); otherwise only its lease does (H2).
     */
    abstract boolean lockProvesHolderGone();

    @Test
    void holderWhoseSessionDied_isTakenOverAtOnceWhereTheLockProvesIt_otherwiseAfterItsLease() throws Exception {
        ScriptTracker tracker = keep(builder(InsertsItem.class).lockWait(Duration.ZERO).build());
        Holder.takes(db, InsertsItem.class).dies();

        RunResult result = tracker.run("0001_inserts_item");

        if (lockProvesHolderGone()) {
            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            assertEquals(2, result.attempt());
            assertEquals(ScriptStatus.INTERRUPTED, tracker.history("0001_inserts_item").get(0).status());
            assertEquals(1, items(1));
            return;
        }
        assertEquals(RunOutcome.LOCKED, result.outcome());
        assertTrue(result.message().contains(Holder.WHO) && result.message().contains("lease runs until"),
                result.message());
        assertEquals(0, items(1));
        assertEquals(List.of(), tracker.cleanup());
    }

    @Test
    void lockWait_coversADeadHoldersLease_andTheRunThenTakesOver() throws Exception {
        Holder.takes(db, InsertsItem.class, Duration.ofMillis(1500)).dies();
        ScriptTracker tracker = keep(builder(InsertsItem.class).lockWait(Duration.ofMinutes(1)).build());

        RunResult result = tracker.run("0001_inserts_item");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ScriptStatus.INTERRUPTED, tracker.history("0001_inserts_item").get(0).status());
        assertEquals(1, items(1));
    }

    @Test
    void lockWait_endsWithLockedAndTheHoldersNameWhileTheHolderLives() throws Exception {
        Holder alive = Holder.takes(db, InsertsItem.class, Duration.ofHours(1));
        ScriptTracker tracker = tracker(InsertsItem.class);

        RunReport report = tracker.runPending(RunOptions.defaults().withLockWait(Duration.ofMillis(300)));

        assertTrue(report.hasLockedScripts());
        RunResult result = report.result("0001_inserts_item").orElseThrow();
        assertEquals(RunOutcome.LOCKED, result.outcome());
        assertTrue(result.message().contains(Holder.WHO), result.message());
        assertEquals(0, items(1));
        alive.finishes();
    }

    @Test
    void lostLockSession_anotherProcessTakesOverAndTheFirstRunCommitsNothing() throws Exception {
        ScriptTracker first = keep(builder(Blocking.class).lease(Duration.ofMillis(300)).build());
        CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(first::runPending);
        assertTrue(ContractScripts.entered.await(1, TimeUnit.MINUTES), "the script never started");
        killLockSession();
        ScriptTracker second = keep(builder(Blocking.class).lockWait(Duration.ofMinutes(1)).build());

        CompletableFuture<RunResult> takeover = CompletableFuture.supplyAsync(() -> second.run("0006_blocking"));
        RunResult lost = running.get(1, TimeUnit.MINUTES).results().get(0);
        ContractScripts.release.countDown();

        assertEquals(RunOutcome.INTERRUPTED, lost.outcome(), lost.message());
        assertEquals(RunOutcome.SUCCEEDED, takeover.get(1, TimeUnit.MINUTES).outcome());
        assertEquals(1, db.count("select n from counter"), "only the run that took over committed its update");
        assertEquals(List.of(ScriptStatus.INTERRUPTED, ScriptStatus.SUCCESS),
                second.history("0006_blocking").stream().map(HistoryEntry::status).toList());
    }

    @Test
    void deadHolder_isRecordedInterruptedAndTheScriptRunsAgain() throws Exception {
        ScriptTracker tracker = keep(builder(InsertsItem.class).clock(afterTheLease()).build());
        Holder.takes(db, InsertsItem.class).dies();

        RunResult result = tracker.runPending().results().get(0);

        assertEquals(RunOutcome.SUCCEEDED, result.outcome());
        assertEquals(2, result.attempt());
        List<HistoryEntry> history = tracker.history("0001_inserts_item");
        assertEquals(ScriptStatus.INTERRUPTED, history.get(0).status());
        assertEquals(Holder.WHO, history.get(0).executedBy());
        assertTrue(history.get(0).errorMessage().contains("killed"), history.get(0).errorMessage());
        assertEquals(ScriptStatus.SUCCESS, history.get(1).status());
    }

    @Test
    void cleanup_marksADeadHoldersRunInterruptedButNotALiveOne() throws Exception {
        ScriptTracker tracker = tracker(InsertsItem.class, Chatty.class);
        Holder alive = Holder.takes(db, Chatty.class, Duration.ofHours(1));
        Holder.takes(db, InsertsItem.class).dies();
        ScriptTracker later = keep(builder(InsertsItem.class, Chatty.class).clock(afterTheLease()).build());

        List<String> interrupted = lockProvesHolderGone() ? tracker.cleanup() : later.cleanup();

        if (!lockProvesHolderGone()) {
            assertEquals(List.of(), tracker.cleanup(), "no lease has expired yet");
        }
        assertEquals(List.of("0001_inserts_item"), interrupted);
        assertEquals(ScriptStatus.INTERRUPTED, state(tracker, "0001_inserts_item").status());
        assertEquals(ScriptStatus.RUNNING, state(tracker, "0007_chatty").status());
        alive.finishes();
    }

    Clock afterTheLease() {
        return Clock.offset(Clock.systemUTC(), Holder.LEASE.plusSeconds(30));
    }

    @Test
    void rollback_runsTheRollbackMethodAndTheScriptIsPendingAgain() {
        ScriptTracker tracker = tracker(InsertsItem.class);
        tracker.runPending();

        RunResult result = tracker.rollback("0001_inserts_item");

        assertEquals(RunOutcome.ROLLED_BACK, result.outcome());
        assertEquals(0, items(1));
        assertEquals(ScriptStatus.ROLLED_BACK, state(tracker, "0001_inserts_item").status());
        List<HistoryEntry> history = tracker.history("0001_inserts_item");
        assertEquals(List.of("run", "rollback"), history.stream().map(HistoryEntry::action).toList());
        assertEquals(RunOutcome.SUCCEEDED, tracker.runPending().results().get(0).outcome());
        assertEquals(1, items(1));
    }

    @Test
    void rollback_refusesAScriptThatNeverRanOrHasNoRollbackMethod() {
        ScriptTracker tracker = tracker(InsertsItem.class, Chatty.class);
        tracker.run("0007_chatty");

        ConfigurationException pending = assertThrows(ConfigurationException.class,
                () -> tracker.rollback("0001_inserts_item"));
        ConfigurationException noMethod = assertThrows(ConfigurationException.class,
                () -> tracker.rollback("0007_chatty"));

        assertTrue(pending.getMessage().contains("is pending"), pending.getMessage());
        assertTrue(noMethod.getMessage().contains("no rollback method"), noMethod.getMessage());
    }

    @Test
    void output_keepsTheTailWithinItsBound() {
        ScriptTracker tracker = keep(builder(Chatty.class).maxOutputChars(500).build());

        tracker.runPending();

        String output = state(tracker, "0007_chatty").output();
        assertTrue(output.length() < 700, "output of " + output.length() + " characters");
        assertTrue(output.contains("line 200"), output);
        assertFalse(output.contains("line 1\n"), output);
        assertTrue(output.contains("earlier characters of output were dropped"), output);
    }

    @Test
    void parameters_reachTheScriptAndAreRecorded() {
        ScriptTracker tracker = tracker(UsesParameters.class);

        RunResult result = tracker.run("0009_parameters", RunOptions.defaults().withParameter("name", "a&b=c"));

        assertEquals(RunOutcome.SUCCEEDED, result.outcome());
        assertEquals(1, db.count("select count(*) from items where name = 'a&b=c'"));
        assertEquals("a&b=c", tracker.history("0009_parameters").get(0).parameters().get("name"));
    }

    @Test
    void missingParameter_failsWithItsNameAndHowToPassIt() {
        RunResult result = tracker(UsesParameters.class).run("0009_parameters");

        assertEquals(RunOutcome.FAILED, result.outcome());
        assertTrue(result.message().contains("--param name=VALUE"), result.message());
    }

    @Test
    void runnableEntryPoint_reachesItsContextAndCommitsWithTheRecord() {
        ScriptTracker tracker = tracker(RunnableScript.class);

        assertEquals(RunOutcome.SUCCEEDED, tracker.runPending().results().get(0).outcome());
        assertEquals(1, items(10));
    }

    @Test
    void commandLineRunner_isLeftToTheApplicationThatCreatesIt() {
        ScriptTracker tracker = tracker(ContractScripts.SpringRunner.class, InsertsItem.class);

        RunReport report = tracker.runPending();
        ConfigurationException byId = assertThrows(ConfigurationException.class, () -> tracker.run("0013_spring_runner"));

        assertEquals(RunOutcome.NOT_ATTEMPTED, report.result("0013_spring_runner").orElseThrow().outcome());
        assertEquals(RunOutcome.SUCCEEDED, report.result("0001_inserts_item").orElseThrow().outcome());
        assertTrue(byId.getMessage().contains("-javaagent"), byId.getMessage());
        assertEquals(0, items(13));
    }

    @Test
    void after_runsTheNamedScriptFirstAndBlocksOnItsFailure() {
        ScriptTracker tracker = keep(builder(AfterBase.class, Base.class).continueAfterFailure(true).build());

        RunReport failing = tracker.runPending(RunOptions.defaults().withParameter("fail", "yes"));
        RunReport passing = tracker.runPending();

        assertEquals(List.of("0012_base", "0011_after_base"), failing.results().stream().map(RunResult::scriptId).toList());
        assertEquals(RunOutcome.BLOCKED, failing.result("0011_after_base").orElseThrow().outcome());
        assertEquals(RunOutcome.SUCCEEDED, passing.result("0011_after_base").orElseThrow().outcome());
        assertEquals(1, items(11));
    }

    @Test
    void dryRun_rollsEverythingBackAndRecordsNothing() {
        ScriptTracker tracker = tracker(InsertsItem.class);

        RunResult result = tracker.run("0001_inserts_item", RunOptions.defaults().withDryRun());

        assertEquals(RunOutcome.DRY_RUN, result.outcome());
        assertEquals(0, items(1));
        assertEquals(ScriptStatus.PENDING, state(tracker, "0001_inserts_item").status());
        assertTrue(tracker.history("0001_inserts_item").isEmpty());
    }

    @Test
    void unknownScript_isAnErrorListingTheKnownIds() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> tracker(InsertsItem.class).run("0001_inserts_iten"));

        assertTrue(e.getMessage().contains("unknown script '0001_inserts_iten'"), e.getMessage());
        assertTrue(e.getMessage().contains("0001_inserts_item"), e.getMessage());
    }

    @Test
    void badTablePrefix_isRefusedBeforeAnythingIsWritten() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> builder(InsertsItem.class).tablePrefix("scripts; drop table items").build());

        assertTrue(e.getMessage().contains("'scripts; drop table items' is not a plain SQL identifier"), e.getMessage());
        assertEquals(0, db.count("select count(*) from items"));
    }

    @Test
    void descriptionOrOperatorLongerThanTheirColumns_isRefusedBeforeAnythingIsWritten() {
        ConfigurationException description = assertThrows(ConfigurationException.class,
                () -> builder(InsertsItem.class, ContractScripts.LongDescription.class).build());
        ConfigurationException operator = assertThrows(ConfigurationException.class,
                () -> builder(InsertsItem.class).operator("o".repeat(256)).build());

        assertTrue(description.getMessage().contains(ContractScripts.LongDescription.class.getName()
                + " (in registered in code) has a description of 1001 characters, but the store keeps at most 1000"),
                description.getMessage());
        assertTrue(operator.getMessage().contains("the operator is 256 characters long, but the store records at"
                + " most 255"), operator.getMessage());
        assertEquals(List.of(), db.tablesStartingWith("tracked_scripts"));
    }

    @Test
    void newerSchema_isRefusedAndNothingIsWritten() {
        ScriptTracker older = tracker(Chatty.class, InsertsItem.class);
        older.run("0007_chatty");
        db.execute("update tracked_scripts_schema set version = 99");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> builder(InsertsItem.class, Chatty.class).build());

        assertTrue(e.getMessage().contains("newer script-tracker (schema version 99"), e.getMessage());
        assertEquals(1, db.count("select count(*) from tracked_scripts"));
        assertEquals(1, db.count("select count(*) from tracked_scripts_history"));
        assertEquals(0, items(1));
    }

    /** The schema the test's tables live in, as a prefix would name it. */
    String ownSchema() {
        return kind() == DatabaseKind.H2 ? "public" : db.name();
    }

    @Test
    void tableCreatedByHandWithoutTheColumnsItNeeds_isRefusedNamingThemAndNothingIsWritten() {
        db.execute("create table tracked_scripts (script_id varchar(128) primary key, status varchar(16))");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> builder(InsertsItem.class).build());

        assertTrue(e.getMessage().startsWith("table tracked_scripts has no column description, transaction_mode,"
                + " attempt, consecutive_failures, run_id"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was written. Drop the table if it holds nothing you need"),
                e.getMessage());
        assertTrue(e.getMessage().contains("or use another table prefix (--table-prefix"), e.getMessage());
        assertEquals(List.of("tracked_scripts"), db.tablesStartingWith("tracked_scripts"));
    }

    @Test
    void columnMissingFromTablesWithAVersionRow_isRefusedNamingItAndNothingIsWritten() {
        tracker(InsertsItem.class).close();
        db.execute("alter table tracked_scripts_history drop column output");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> builder(InsertsItem.class).build());

        assertTrue(e.getMessage().startsWith("table tracked_scripts_history has no column output."
                + " script-tracker (schema version 4) needs them"), e.getMessage());
        assertEquals(4, db.count("select version from tracked_scripts_schema"));
        assertEquals(0, db.count("select count(*) from tracked_scripts"));
    }

    @Test
    void schemaQualifiedMixedCasePrefix_findsItsTablesColumns() {
        String prefix = ownSchema() + ".Hand_Ops";
        db.execute("create table " + prefix + " (script_id varchar(128) primary key)");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> builder(InsertsItem.class).tablePrefix(prefix).build());
        ScriptTracker qualified = keep(builder(InsertsItem.class).tablePrefix(ownSchema() + ".Ops").build());
        qualified.runPending();
        qualified.close();

        ScriptTracker again = keep(builder(InsertsItem.class).tablePrefix(ownSchema() + ".Ops").build());

        assertTrue(e.getMessage().startsWith("table " + prefix + " has no column description"), e.getMessage());
        assertEquals(ScriptStatus.SUCCESS, state(again, "0001_inserts_item").status());
    }

    @Test
    void readOnly_withNoTablesUnderThePrefix_saysSoAndCreatesNothing() {
        tracker(InsertsItem.class).runPending();

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> builder(InsertsItem.class).tablePrefix("tracked_scrpits").readOnly().build());

        assertTrue(e.getMessage().startsWith("no script-tracker tables named tracked_scrpits* in "), e.getMessage());
        assertTrue(e.getMessage().contains("nothing has run with this prefix. Check the table prefix (--table-prefix"),
                e.getMessage());
        assertEquals(List.of(), db.tablesStartingWith("tracked_scrpits"));
    }

    @Test
    void readOnly_readsStateAndHistory_andRefusesToWrite() {
        tracker(InsertsItem.class).runPending();

        ScriptTracker reader = keep(builder(InsertsItem.class, Chatty.class).readOnly().build());

        assertEquals(ScriptStatus.SUCCESS, state(reader, "0001_inserts_item").status());
        assertEquals(ScriptStatus.PENDING, state(reader, "0007_chatty").status());
        assertEquals(1, reader.history("0001_inserts_item").size());
        ConfigurationException e = assertThrows(ConfigurationException.class, reader::runPending);
        assertTrue(e.getMessage().contains("this tracker was opened read-only"), e.getMessage());
        assertEquals(0, db.count("select count(*) from tracked_scripts where script_id = '0007_chatty'"));
    }

    @Test
    void readOnly_onTablesOfAnOlderVersion_refusesAndLeavesThemAsTheyAre() {
        tracker(InsertsItem.class).close();
        db.execute("alter table tracked_scripts_history drop column resumed_from",
                "update tracked_scripts_schema set version = 1");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> builder(InsertsItem.class).readOnly().build());

        assertTrue(e.getMessage().contains("were written by an older script-tracker (schema version 1; this one reads"
                + " version 4), and reading does not upgrade them"), e.getMessage());
        assertEquals(1, db.count("select version from tracked_scripts_schema"));
        assertEquals(0, db.count("select count(*) from information_schema.columns where lower(table_name)"
                + " = 'tracked_scripts_history' and lower(column_name) = 'resumed_from' and lower(table_schema) = '"
                + ownSchema() + "'"));
    }

    @Test
    void firstStartOfManyProcessesAtOnce_createsTheTablesOnce() throws Exception {
        java.util.concurrent.ExecutorService pods = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<ScriptTracker>> starting = new ArrayList<>();
        for (int pod = 0; pod < 6; pod++) {
            starting.add(pods.submit(() -> {
                start.await();
                return builder(InsertsItem.class).build();
            }));
        }

        start.countDown();

        for (java.util.concurrent.Future<ScriptTracker> pod : starting) {
            keep(pod.get(1, TimeUnit.MINUTES));
        }
        pods.shutdown();
        assertEquals(1, db.count("select count(*) from tracked_scripts_schema"));
        assertEquals(RunOutcome.SUCCEEDED, trackers.get(0).runPending().results().get(0).outcome());
    }

    @Test
    void dataSourceThatHandsOutConnectionsWithoutAutocommit_stillCommitsEachRun() {
        javax.sql.DataSource manual = NoAutocommitDataSource.wrapping(dataSource());
        ScriptTracker tracker = keep(ScriptTracker.builder().dataSource(manual).register(InsertsItem.class,
                NoTransactionFails.class).build());

        assertEquals(RunOutcome.SUCCEEDED, tracker.run("0001_inserts_item").outcome());
        assertEquals(RunOutcome.SUCCEEDED, tracker.run("0008_no_transaction_fails",
                RunOptions.defaults().withParameter("fixed", "yes")).outcome());

        assertEquals(1, items(1));
        assertEquals(1, items(8));
        assertEquals(ScriptStatus.SUCCESS, state(tracker, "0008_no_transaction_fails").status());
    }

    @Test
    void tablePrefix_keepsTwoTrackersApartInOneDatabase() {
        tracker(InsertsItem.class).runPending();
        ScriptTracker other = keep(builder(Chatty.class).tablePrefix("other_scripts").build());

        other.runPending();

        assertEquals(1, db.count("select count(*) from other_scripts"));
        assertEquals(1, db.count("select count(*) from tracked_scripts"));
    }

    @Test
    void unreachableDatabase_namesTheUrlButNotThePassword() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ScriptTracker.builder()
                .jdbcUrl(kind().unreachableUrl()).register(InsertsItem.class).build());

        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertFalse(e.getMessage().contains(DatabaseKind.UNREACHABLE_PASSWORD), e.getMessage());
    }
}
