package dev.scripttracker.test;

import static dev.scripttracker.test.TestScripts.ACCOUNTS;
import static dev.scripttracker.test.TestScripts.FIVE_ACCOUNTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.ScriptStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every assertion of the kit passes on a script that keeps its rule (on the database the build points the kit at). */
@ScriptTest
class ScriptKitTest {

    @BeforeEach
    void accounts(ScriptKit kit) {
        kit.execute(ACCOUNTS, FIVE_ACCOUNTS);
    }

    @Test
    void run_reportsOutcomeStatusOutputAndRowsChangedPerTable(ScriptKit kit) {
        ScriptRun run = kit.script(TestScripts.GiveBonus.class).with("amount", "7").run()
                .assertSucceeded()
                .assertStatus(ScriptStatus.SUCCESS)
                .assertOutputContains("gave 4 accounts")
                .assertOutputLines("gave 4 accounts a bonus of 7")
                .assertRowsChanged("accounts", 4)
                .assertRowsChanged("ACCOUNTS", 4);

        TableChanges accounts = run.changes().table("accounts");
        assertEquals(List.of(), accounts.inserted());
        assertEquals(List.of(), accounts.deleted());
        assertEquals("id=1: bonus: null -> 7", accounts.updated().get(0).toString());
    }

    @Test
    void run_byIdAgain_isAlreadyDone_andChangesNothing(ScriptKit kit) {
        kit.script(TestScripts.GiveBonus.class).with("amount", "7").run().assertSucceeded();

        kit.script(TestScripts.GiveBonus.class).with("amount", "7").run()
                .assertOutcome(RunOutcome.ALREADY_DONE).assertNoRowsChanged();
    }

    @Test
    void failedRun_isRolledBack_andKeepsItsOutput(ScriptKit kit) {
        kit.run(TestScripts.FailAfterLogging.class)
                .assertFailed()
                .assertStatus(ScriptStatus.FAILED)
                .assertOutputLines("checking 5 accounts", "done checking")
                .assertNoRowsChanged();
    }

    @Test
    void trackerTables_areNotCountedAsRowsChanged(ScriptKit kit) {
        kit.script(TestScripts.GiveBonus.class).with("amount", "1").run().assertSucceeded();
        kit.execute("update accounts set bonus = null where id = 1");

        ScriptRun again = kit.script(TestScripts.GiveBonus.class).with("amount", "1").runForced().assertSucceeded();

        assertEquals(1, again.changes().rowsChanged(), again.changes().describe());
        assertEquals(1L, (long) kit.jdbi().withHandle(h -> h.select("select count(*) from tracked_scripts").mapTo(Long.class).one()));
    }

    @Test
    void assertIdempotent_passes_whenTheSecondRunFindsNothingToDo(ScriptKit kit) {
        ScriptRun second = kit.script(TestScripts.GiveBonus.class).with("amount", "3").assertIdempotent();

        second.assertSkipped().assertNoRowsChanged();
    }

    @Test
    void assertResumable_passes_forBatchesThatCommitWithTheirCheckpoint(ScriptKit kit) {
        ScriptRun resumed = kit.assertResumable(TestScripts.CreditInBatches.class, 2);

        resumed.assertSucceeded().assertOutputContains("resuming batch loop 1 after batch 1");
        assertEquals(List.of(101, 201, 301, 401, 501), kit.jdbi().withHandle(h ->
                h.select("select balance from accounts order by id").mapTo(Integer.class).list()));
    }

    @Test
    void assertResumable_atTheLastBatch(ScriptKit kit) {
        kit.assertResumable(TestScripts.CreditInBatches.class, 3).assertSucceeded();
    }

    @Test
    void assertResumable_restoresStartDataAroundForeignKeys_andComparesTablesWithoutPrimaryKey(ScriptKit kit) {
        kit.execute(TestScripts.ORDERS);

        kit.assertResumable(TestScripts.CloseOrders.class, 2).assertSucceeded();

        assertEquals(5L, (long) kit.jdbi().withHandle(h -> h.select("select count(*) from order_log").mapTo(Long.class).one()));
    }

    @Test
    void ignoringColumns_leavesThemOutOfTheComparison(ScriptKit kit) {
        kit.script(TestScripts.StampAttempt.class).ignoringColumns("ACCOUNTS.bonus").assertResumable(2).assertSucceeded();
    }

    @Test
    void scriptFactory_createsScriptsThatTakeDependencies(ScriptKit kit) {
        kit.run(TestScripts.Greet.class).assertFailed();

        kit.scriptFactory(type -> new TestScripts.Greet("hello"))
                .script(TestScripts.Greet.class).runForced().assertSucceeded().assertOutputLines("hello");
    }

    @Test
    void assertDryRunChangesNothing_passes_forWorkOnTheScriptsConnection(ScriptKit kit) {
        ScriptRun dry = kit.script(TestScripts.GiveBonus.class).with("amount", "9").assertDryRunChangesNothing();

        dry.assertOutcome(RunOutcome.DRY_RUN).assertStatus(ScriptStatus.PENDING).assertOutputContains("gave 4 accounts");
        assertTrue(kit.tracker().history(TestScripts.GiveBonus.class.getAnnotation(dev.scripttracker.TrackedScript.class)
                .id()).isEmpty());
    }
}
