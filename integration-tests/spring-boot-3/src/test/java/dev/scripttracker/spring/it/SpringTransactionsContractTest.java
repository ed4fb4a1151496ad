package dev.scripttracker.spring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.StatementCount;
import dev.scripttracker.spring.ScriptFailedAtStartupException;
import dev.scripttracker.spring.sample.scripts.CommitProbe;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scripts that are Spring beans work through the application's {@code @Transactional} services in
 * the script's own transaction: all of it commits with the {@code success} row, or none of it stays.
 * One subclass per database.
 */
abstract class SpringTransactionsContractTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(kind());

    abstract DatabaseKind kind();

    @Test
    void aServiceWriteThatFails_rollsBackEverythingTheScriptDid_andIsRecordedFailed() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261201100000_duplicate_transfer");

            assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
            assertInstanceOf(DuplicateKeyException.class, result.error());
            assertEquals(0, db.get().count("select count(*) from ledger"), "the first service call's entry stayed");
            ScriptState state = state(app, "20261201100000_duplicate_transfer");
            assertEquals(ScriptStatus.FAILED, state.status());
            assertTrue(state.errorMessage().contains("its work was rolled back"), state.errorMessage());
        }
    }

    @Test
    void aScriptThatSucceeds_commitsItsServiceWritesWithItsSuccessRow() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261201120000_commit_probe");

            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            CommitProbe.Seen seen = app.getBean(CommitProbe.class).seen;
            assertEquals(new CommitProbe.Seen("success", 1, "running", 0), seen,
                    "just before the commit, the script's connection sees its entry and its success row, others neither");
            assertEquals(TransactionSynchronization.STATUS_COMMITTED, app.getBean(CommitProbe.class).completion);
            assertEquals(1, db.get().count("select count(*) from ledger where id = 30"));
            assertEquals("success", db.get().text("select status from tracked_scripts where script_id"
                    + " = '20261201120000_commit_probe'"));
        }
    }

    @Test
    void aCommitThatFailsAfterTheSuccessRowWasWritten_leavesNeitherTheWorkNorTheSuccess() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            app.getBean(CommitProbe.class).failTheCommit = true;
            RunResult result = app.getBean(ScriptTracker.class).run("20261201120000_commit_probe");

            assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
            assertEquals("success", app.getBean(CommitProbe.class).seen.statusInTransaction());
            assertEquals(TransactionSynchronization.STATUS_ROLLED_BACK, app.getBean(CommitProbe.class).completion);
            assertEquals(0, db.get().count("select count(*) from ledger where id = 30"));
            assertEquals(ScriptStatus.FAILED, state(app, "20261201120000_commit_probe").status());
        }
    }

    @Test
    void aServiceFailureTheScriptCaught_stillRollsTheWholeScriptBack() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261201150000_swallowed_failure");

            // H2 and MariaDB: the rollback-only mark refuses the commit; PostgreSQL: the failed statement already
            // aborted the transaction, so the success row cannot be written. Either way nothing stays.
            assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
            assertTrue(result.message().contains("could not be committed, so its work was rolled back"), result.message());
            assertEquals(0, db.get().count("select count(*) from ledger"), "half of what the service did stayed");
        }
    }

    @Test
    void aRunStartedInsideASpringTransaction_failsBeforeTheScriptRuns_sayingWhy() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            ScriptTracker tracker = app.getBean(ScriptTracker.class);
            RunResult result = new TransactionTemplate(app.getBean(PlatformTransactionManager.class))
                    .execute(tx -> tracker.run("20261201090000_open_accounts"));

            assertEquals(RunOutcome.FAILED, result.outcome());
            assertTrue(result.message().contains("started inside a Spring transaction that is already open on this"
                    + " thread"), result.message());
            assertEquals(0, db.get().count("select count(*) from ledger"));
        }
    }

    @Test
    void aDryRun_countsTheServicesStatements_andRollsThemBack() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261201090000_open_accounts",
                    RunOptions.defaults().withDryRun());

            assertEquals(RunOutcome.DRY_RUN, result.outcome(), result.message());
            assertEquals(List.of(new StatementCount("insert into ledger (id, account, amount) values (?, ?, ?)", 2, 2)),
                    result.statements());
            assertEquals(0, db.get().count("select count(*) from ledger"));
        }
    }

    @Test
    void requiresNew_commitsOnItsOwn_soAFailedScriptSaysItsWorkMayBePartial_andWaitsForAnExplicitRun() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261201110000_audited_correction");

            assertEquals(RunOutcome.FAILED, result.outcome());
            assertEquals(1, db.get().count("select count(*) from audit_log"), "REQUIRES_NEW committed on its own");
            assertEquals(0, db.get().count("select count(*) from ledger"), "the script's own work was rolled back");
            ScriptState state = state(app, "20261201110000_audited_correction");
            assertTrue(state.errorMessage().contains("NOT rolled back and may be partial"), state.errorMessage());
            assertTrue(state.needsExplicitRun(), "a partly committed failure must wait for a person");
        }
    }

    @Test
    void aBatchScript_commitsTheServiceWorkOfEachBatchWithItsCheckpoint() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            ScriptTracker tracker = app.getBean(ScriptTracker.class);
            assertEquals(RunOutcome.SUCCEEDED, tracker.run("20261201090000_open_accounts").outcome());
            db.get().execute("insert into ledger (id, account, amount) values (3, 'gina', 5)");

            RunResult result = tracker.run("20261201130000_check_entries");

            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            assertEquals(3, db.get().count("select count(*) from ledger where checked = true"));
            ScriptState state = state(app, "20261201130000_check_entries");
            assertNotNull(state.checkpoint());
            assertEquals(3, state.progress().done());
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void runPendingAtStartUp_aFailedScriptStopsTheStartUpWithTheScriptsError(CapturedOutput output) {
        Throwable startUp = assertThrows(Throwable.class,
                () -> SampleContext.start(db.get(), "scripttracker.run-pending=true").close());

        ScriptFailedAtStartupException failure = causeOfType(startUp, ScriptFailedAtStartupException.class);
        assertEquals("20261201100000_duplicate_transfer", failure.result().scriptId());
        assertInstanceOf(DuplicateKeyException.class, failure.getCause());
        assertTrue(failure.getMessage().contains("scripttracker.on-failure=log"), failure.getMessage());
        assertTrue(output.getAll().contains("APPLICATION FAILED TO START"), "no failure analysis");
        assertTrue(output.getAll().contains("Script 20261201100000_duplicate_transfer failed while the application"
                + " started (FAILED)"), "the failure analysis does not name the script");
        assertEquals(List.of("alice", "bob"), db.get().jdbi().withHandle(h -> h.select("select account from ledger"
                + " order by id").mapTo(String.class).list()), "the script before it committed, its own work did not");
        assertEquals("failed", db.get().text("select status from tracked_scripts where script_id"
                + " = '20261201100000_duplicate_transfer'"));
        assertEquals(0, db.get().count("select count(*) from tracked_scripts where script_id"
                + " = '20261201120000_commit_probe'"), "scripts after a failure are not attempted");
    }

    @Test
    void aScriptThatWaitsForAnExplicitRun_isLeftAloneByRunPending_andRunsWhenRunIdsNamesIt() {
        String partial = "20261201110000_audited_correction";
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            app.getBean(ScriptTracker.class).run(partial);
        }
        try (ConfigurableApplicationContext app = SampleContext.start(db.get(), "scripttracker.run-ids=" + partial,
                "scripttracker.on-failure=log")) {
            assertEquals(2, app.getBean(ScriptTracker.class).history(partial).size(), "run-ids ran it again");
        }
        assertEquals(2, db.get().count("select count(*) from audit_log"));
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + thrown, thrown);
    }

    private static ScriptState state(ConfigurableApplicationContext app, String id) {
        return app.getBean(ScriptTracker.class).status().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
