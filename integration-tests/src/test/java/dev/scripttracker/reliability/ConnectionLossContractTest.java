package dev.scripttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.reliability.ConnectionLossScripts.LosesItsConnectionBetweenStatements;
import dev.scripttracker.reliability.ConnectionLossScripts.LosesItsConnectionDuringALongStatement;
import dev.scripttracker.reliability.ConnectionLossScripts.LosesItsConnectionMidBatch;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A running SCRIPT-mode script loses the connection its work runs on (killed by the database, as a
 * failover, an idle-killer or an operator would), while the session holding its lock stays up. The
 * work must be rolled back, the run recorded as failed with the driver's account of the lost
 * connection in its message, nothing left {@code running}, and the script must run again and take
 * effect once. Only the script's own session is killed, by its id: other tests share the server.
 */
abstract class ConnectionLossContractTest {

    private static final String BETWEEN_STATEMENTS = "zz_connection_loss_between_statements";
    private static final String DURING_LONG_STATEMENT = "zz_connection_loss_during_long_statement";
    private static final String MID_BATCH = "zz_connection_loss_mid_batch";
    private static final Set<RunOutcome> LOST_OUTCOMES = Set.of(RunOutcome.FAILED, RunOutcome.INTERRUPTED);
    private static final Set<ScriptStatus> LOST_STATUSES = Set.of(ScriptStatus.FAILED, ScriptStatus.INTERRUPTED);

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    private final ConnectionLossRendezvous rendezvous = new ConnectionLossRendezvous();
    private final ExecutorService scriptThread = Executors.newSingleThreadExecutor();
    private TestDatabase db;
    private ScriptTracker tracker;

    abstract DatabaseKind kind();

    /** Run by the script on its own connection: that connection's id, as the server names it. */
    abstract String ownConnectionIdQuery();

    /** A statement that blocks for far longer than the test takes. */
    abstract String longStatement();

    /** Ends exactly the session with this id, and no other. */
    abstract void kill(Handle admin, long connectionId);

    abstract boolean isConnected(Handle admin, long connectionId);

    abstract boolean isRunning(Handle admin, long connectionId, String statement);

    /** What this database's driver says when the server ended the connection. */
    abstract String connectionLostWords();

    @BeforeEach
    void armTheScripts() {
        db = fresh.get();
        db.execute("create table loss_ledger (attempt integer not null)",
                "create table loss_rows (n integer primary key, counter integer not null)");
        for (int n = 1; n <= 10; n++) {
            db.execute("insert into loss_rows (n, counter) values (" + n + ", 0)");
        }
        tracker = ScriptTracker.builder().jdbcUrl(db.url())
                .register(LosesItsConnectionBetweenStatements.class, LosesItsConnectionDuringALongStatement.class,
                        LosesItsConnectionMidBatch.class)
                .build();
        ConnectionLossScripts.arm(new ConnectionLossScripts.Arming(rendezvous, ownConnectionIdQuery(), longStatement()));
    }

    @AfterEach
    void releaseTheScript() throws InterruptedException {
        ConnectionLossScripts.disarm();
        rendezvous.connectionKilled();
        scriptThread.shutdown();
        scriptThread.awaitTermination(ConnectionLossRendezvous.WAIT_SECONDS, TimeUnit.SECONDS);
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void connectionKilledBetweenStatements_rollsBackTheWorkRecordsTheLossAndRunsAgainOnce() throws Exception {
        Future<RunResult> run = scriptThread.submit(() -> tracker.run(BETWEEN_STATEMENTS, RunOptions.defaults()));
        long connection = rendezvous.awaitWorkDone();

        killAndAwaitGone(connection);
        rendezvous.connectionKilled();

        assertLossRecorded(BETWEEN_STATEMENTS, resultOf(run));
        assertRunsAgainOnce(BETWEEN_STATEMENTS);
    }

    @Test
    void connectionKilledDuringALongStatement_rollsBackTheWorkRecordsTheLossAndRunsAgainOnce() throws Exception {
        Future<RunResult> run = scriptThread.submit(() -> tracker.run(DURING_LONG_STATEMENT, RunOptions.defaults()));
        long connection = rendezvous.awaitWorkDone();
        awaitOnServer("the script's connection " + connection + " runs " + longStatement(),
                admin -> isRunning(admin, connection, longStatement()));

        killAndAwaitGone(connection);

        assertLossRecorded(DURING_LONG_STATEMENT, resultOf(run));
        assertRunsAgainOnce(DURING_LONG_STATEMENT);
    }

    @Test
    void connectionKilledMidBatch_rollsBackThatBatchOnly_andTheNextRunResumesAfterTheCommittedOnes() throws Exception {
        Future<RunResult> run = scriptThread.submit(() -> tracker.run(MID_BATCH, RunOptions.defaults()));
        long connection = rendezvous.awaitWorkDone();

        killAndAwaitGone(connection);
        rendezvous.connectionKilled();
        RunResult lost = resultOf(run);

        assertTrue(LOST_OUTCOMES.contains(lost.outcome()), lost.outcome() + ": " + lost.message());
        assertTrue(lost.message().contains("the script's database connection was lost"), lost.message());
        assertTrue(lost.message().contains("the batches committed before it stopped stay committed"), lost.message());
        assertEquals(4, db.count("select count(*) from loss_rows where counter = 1"), "batches 1 and 2 committed");
        assertEquals(6, db.count("select count(*) from loss_rows where counter = 0"), "batch 3 rolled back");
        assertEquals(0, db.count("select count(*) from tracked_scripts where status = 'running'"));

        RunResult resumed = tracker.run(MID_BATCH, RunOptions.defaults());

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(10, db.count("select count(*) from loss_rows where counter = 1"), "every row exactly once");
    }

    private void assertLossRecorded(String scriptId, RunResult lost) {
        ScriptState state = tracker.status().stream().filter(s -> s.id().equals(scriptId)).findFirst().orElseThrow();

        assertTrue(LOST_OUTCOMES.contains(lost.outcome()), lost.outcome() + ": " + lost.message());
        assertTrue(lost.message().contains(connectionLostWords()), lost.message());
        assertTrue(lost.message().contains("the script's database connection was lost"), lost.message());
        assertTrue(lost.message().contains("its work was rolled back"), lost.message());
        assertTrue(LOST_STATUSES.contains(state.status()), "recorded " + state.status());
        assertTrue(state.errorMessage().contains(connectionLostWords()), state.errorMessage());
        assertFalse(state.needsExplicitRun(), "a rolled-back SCRIPT-mode run stays pending for the next run-pending");
        assertEquals(0, db.count("select count(*) from loss_ledger"), "the work written before the kill was committed");
        assertEquals(0, db.count("select count(*) from tracked_scripts where status = 'running'"));
        assertEquals(0, db.count("select count(*) from tracked_scripts_history where status = 'running'"));
    }

    private void assertRunsAgainOnce(String scriptId) {
        RunResult again = tracker.run(scriptId, RunOptions.defaults());

        assertEquals(RunOutcome.SUCCEEDED, again.outcome(), again.message());
        try (Handle h = db.jdbi().open()) {
            assertEquals(List.of(2), h.createQuery("select attempt from loss_ledger").mapTo(Integer.class).list(),
                    "only the second attempt's work, once");
        }
    }

    private void killAndAwaitGone(long connection) throws InterruptedException {
        try (Handle admin = db.jdbi().open()) {
            kill(admin, connection);
        }
        awaitOnServer("the script's connection " + connection + " is gone", admin -> !isConnected(admin, connection));
    }

    private RunResult resultOf(Future<RunResult> run) throws Exception {
        try {
            return run.get(ConnectionLossRendezvous.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("the run did not end within " + ConnectionLossRendezvous.WAIT_SECONDS
                    + " s after its connection was killed");
        }
    }

    /** Polls the server until the condition holds; a bounded wait, not a timing assertion. */
    private void awaitOnServer(String condition, Predicate<Handle> holds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ConnectionLossRendezvous.WAIT_SECONDS);
        try (Handle admin = db.jdbi().open()) {
            while (!holds.test(admin)) {
                if (System.nanoTime() > deadline) {
                    fail("waited " + ConnectionLossRendezvous.WAIT_SECONDS + " s for: " + condition);
                }
                Thread.sleep(20);
            }
        }
    }
}
