package dev.scripttracker.spring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.spring.jpa.scripts.EnrolMembers;
import dev.scripttracker.spring.jpa.scripts.UpgradeMembers;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Scripts that are Spring beans work through Spring Data JPA repositories and {@code @Transactional}
 * JPA services ({@code JpaTransactionManager}, Hibernate) in the script's own transaction: their
 * entities commit with the {@code success} row, or with each batch's checkpoint, or not at all.
 * One subclass per database.
 */
abstract class JpaTransactionsContractTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(kind());

    abstract DatabaseKind kind();

    @Test
    void aScriptThatSucceeds_commitsItsEntitiesAndJdbcWorkWithItsSuccessRow() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261202090000_enrol_members");

            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            assertEquals(new EnrolMembers.Seen(3, "success", 3, 1, "running", 0), app.getBean(EnrolMembers.class).seen,
                    "JPQL sees the pending entities; just before the commit, the script's connection sees its"
                    + " entities, its JDBC note and its success row, other connections none of them");
            assertEquals(3, db.get().count("select count(*) from members"));
            assertEquals(1, db.get().count("select count(*) from member_notes"));
            assertEquals(ScriptStatus.SUCCESS, state(app, "20261202090000_enrol_members").status());
        }
    }

    @Test
    void aCommitThatFailsAfterTheSuccessRowWasWritten_leavesNeitherTheEntitiesNorTheSuccess() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            app.getBean(EnrolMembers.class).failTheCommit = true;
            RunResult result = app.getBean(ScriptTracker.class).run("20261202090000_enrol_members");

            assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
            assertEquals("success", app.getBean(EnrolMembers.class).seen.statusInTransaction());
            assertEquals(3, app.getBean(EnrolMembers.class).seen.membersInTransaction());
            assertEquals(0, db.get().count("select count(*) from members"));
            assertEquals(0, db.get().count("select count(*) from member_notes"));
            assertEquals(ScriptStatus.FAILED, state(app, "20261202090000_enrol_members").status());
        }
    }

    @Test
    void anEntityWriteThatFails_rollsBackEverythingTheScriptDid_andIsRecordedFailed() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261202100000_duplicate_email");

            assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
            assertInstanceOf(DataIntegrityViolationException.class, result.error());
            assertEquals(0, db.get().count("select count(*) from members"), "the first member stayed");
            ScriptState state = state(app, "20261202100000_duplicate_email");
            assertEquals(ScriptStatus.FAILED, state.status());
            assertTrue(state.errorMessage().contains("its work was rolled back"), state.errorMessage());
        }
    }

    @Test
    void aJpaServiceFailureTheScriptCaught_stillRollsTheWholeScriptBack() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261202130000_swallowed_member_failure");

            assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
            assertTrue(result.message().contains("marked the script's transaction rollback-only"), result.message());
            assertEquals(0, db.get().count("select count(*) from members"), "half of what the script did stayed");
        }
    }

    @Test
    void aDryRun_flushesTheEntitiesOnTheScriptsConnection_countsTheirStatements_andRollsThemBack() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261202090000_enrol_members",
                    RunOptions.defaults().withDryRun());

            assertEquals(RunOutcome.DRY_RUN, result.outcome(), result.message());
            assertTrue(result.statements().stream().anyMatch(s -> s.sql().startsWith("insert into members")
                    && s.executions() == 3), result.statements().toString());
            assertEquals(0, db.get().count("select count(*) from members"));
        }
    }

    @Test
    void aRunFromAThreadWithAnEntityManagerOpen_asInAWebRequestWithOpenInView_givesTheThreadItsOwnBackAfter() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            EntityManagerFactory factory = app.getBean(EntityManagerFactory.class);
            EntityManagerHolder request = new EntityManagerHolder(factory.createEntityManager());
            TransactionSynchronizationManager.bindResource(factory, request);
            try {
                RunResult result = app.getBean(ScriptTracker.class).run("20261202090000_enrol_members");

                assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
                assertEquals(3, db.get().count("select count(*) from members"));
                assertSame(request, TransactionSynchronizationManager.getResource(factory));
            } finally {
                TransactionSynchronizationManager.unbindResource(factory);
                request.getEntityManager().close();
            }
        }
    }

    @Test
    void requiresNewWithJpa_commitsOnItsOwn_soAFailedScriptSaysItsWorkMayBePartial_andWaitsForAnExplicitRun() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            RunResult result = app.getBean(ScriptTracker.class).run("20261202110000_audited_member_fix");

            assertEquals(RunOutcome.FAILED, result.outcome(), result.message());
            assertEquals(2, db.get().count("select count(*) from member_notes"), "REQUIRES_NEW committed on its own");
            assertEquals(0, db.get().count("select count(*) from members"), "the script's own entity was rolled back");
            ScriptState state = state(app, "20261202110000_audited_member_fix");
            assertTrue(state.errorMessage().contains("NOT rolled back and may be partial"), state.errorMessage());
            assertTrue(state.needsExplicitRun(), "a partly committed failure must wait for a person");
        }
    }

    @Test
    void aBatchScriptThatFailedAtBatchTwo_resumesAfterBatchOne_andUpgradesEveryMemberExactlyOnce() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            insertBasicMembers(5);
            ScriptTracker tracker = app.getBean(ScriptTracker.class);
            app.getBean(UpgradeMembers.class).failOnMember = 3;
            RunResult failed = tracker.run("20261202120000_upgrade_members");

            assertEquals(RunOutcome.FAILED, failed.outcome(), failed.message());
            assertEquals(2, db.get().count("select count(*) from members where tier = 'gold' and upgrades = 1"),
                    "batch 1 committed with its checkpoint, batch 2 rolled back");
            assertEquals(3, db.get().count("select count(*) from members where tier = 'basic' and upgrades = 0"));

            app.getBean(UpgradeMembers.class).failOnMember = 0;
            RunResult resumed = tracker.run("20261202120000_upgrade_members");

            assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
            assertEquals(5, db.get().count("select count(*) from members where tier = 'gold' and upgrades = 1"),
                    "every member upgraded exactly once");
            assertEquals(5, state(app, "20261202120000_upgrade_members").progress().done());
        }
    }

    @Test
    void aParallelLoopsWorkers_commitTheirBatchesEntitiesWithTheirChunks_soAResumedRunUpgradesEveryMemberOnce() {
        try (ConfigurableApplicationContext app = MembersContext.start(db.get())) {
            insertBasicMembers(12);
            ScriptTracker tracker = app.getBean(ScriptTracker.class);
            UpgradeMembers script = app.getBean(UpgradeMembers.class);
            script.workers = 2;
            script.failOnMember = 7;
            RunResult failed = tracker.run("20261202120000_upgrade_members");

            assertEquals(RunOutcome.FAILED, failed.outcome(), failed.message());
            assertEquals(0, db.get().count("select upgrades from members where id = 7"), "the failed batch's entity"
                    + " change committed without its chunk's position");
            assertEquals(12, db.get().count("select count(*) from members where upgrades = 0 and tier = 'basic'"
                    + " or upgrades = 1 and tier = 'gold'"));

            script.failOnMember = 0;
            RunResult resumed = tracker.run("20261202120000_upgrade_members");

            assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
            assertEquals(12, db.get().count("select count(*) from members where tier = 'gold' and upgrades = 1"),
                    "every member upgraded exactly once");
        }
    }

    private void insertBasicMembers(int count) {
        for (int id = 1; id <= count; id++) {
            db.get().execute("insert into members (id, name, email, tier, upgrades) values (" + id + ", 'm" + id
                    + "', 'm" + id + "@example.com', 'basic', 0)");
        }
    }

    private static ScriptState state(ConfigurableApplicationContext app, String id) {
        return app.getBean(ScriptTracker.class).status().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
