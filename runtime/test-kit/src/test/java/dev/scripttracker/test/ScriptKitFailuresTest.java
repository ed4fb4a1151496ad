package dev.scripttracker.test;

import static dev.scripttracker.test.TestScripts.ACCOUNTS;
import static dev.scripttracker.test.TestScripts.FIVE_ACCOUNTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ScriptStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** Every assertion of the kit fails on a script that breaks its rule, saying what differed. */
@ScriptTest
class ScriptKitFailuresTest {

    @BeforeEach
    void accounts(ScriptKit kit) {
        kit.execute(ACCOUNTS, FIVE_ACCOUNTS);
    }

    @Test
    void assertIdempotent_namesTheRowAndColumnTheSecondRunChanged(ScriptKit kit) {
        String message = failure(() -> kit.assertIdempotent(TestScripts.AddInterest.class));

        assertContains(message, "20261204100100_add_interest is not idempotent");
        assertContains(message, "table accounts: 1 updated, 0 inserted, 0 deleted");
        assertContains(message, "updated id=2: balance: 210 -> 220");
    }

    @Test
    void assertResumable_namesWhatDiffersFromOneCleanRun(ScriptKit kit) {
        String message = failure(() -> kit.assertResumable(TestScripts.FeeThenCredit.class, 2));

        assertContains(message, "20261204100300_fee_then_credit does not resume correctly");
        assertContains(message, "updated id=1: balance: 50 -> 0");
    }

    @Test
    void assertResumable_showsColumnsThatDifferBetweenTheResumedAndTheCleanRun(ScriptKit kit) {
        String message = failure(() -> kit.assertResumable(TestScripts.StampAttempt.class, 2));

        assertContains(message, "left 5 rows different from one clean run");
        assertContains(message, "updated id=1: bonus: 3 -> 1");
        assertContains(message, "updated id=3: bonus: 3 -> 2");
    }

    @Test
    void ignoringColumns_wantsTableDotColumn(ScriptKit kit) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> kit.script(TestScripts.StampAttempt.class).ignoringColumns("bonus"));

        assertEquals("ignoringColumns(\"bonus\"): name a column as table.column, e.g. \"customers.updated_at\"",
                refused.getMessage());
    }

    @Test
    void assertResumable_pastTheLastBatch_saysHowManyThereAre(ScriptKit kit) {
        String message = failure(() -> kit.assertResumable(TestScripts.CreditInBatches.class, 4));

        assertContains(message, "was to fail at batch 4, but it committed only 3 batches and ended SUCCEEDED");
        assertContains(message, "choose failAtBatch from 1 to 3");
    }

    @Test
    void assertResumable_onAScriptModeScript_saysOnlyBatchScriptsResume(ScriptKit kit) {
        String message = failure(() -> kit.assertResumable(TestScripts.AddInterest.class, 1));

        assertContains(message, "has transaction = SCRIPT, so it does not resume");
    }

    @Test
    void assertDryRunChangesNothing_catchesWritesOutsideTheScriptsConnection(ScriptKit kit) {
        TestScripts.AuditOnTheSide.sideDoor = kit.dataSource();

        String message = failure(() -> kit.assertDryRunChangesNothing(TestScripts.AuditOnTheSide.class));

        assertContains(message, "the dry run of 20261204100400_audit_on_the_side changed 1 row");
        assertContains(message, "updated id=4: balance: 400 -> 0");
        assertContains(message, "Work done outside the script's connection");
    }

    @Test
    void outcomeAndStatus_mismatch_showTheRunsErrorAndOutput(ScriptKit kit) {
        ScriptRun run = kit.run(TestScripts.FailAfterLogging.class);

        String outcome = failure(run::assertSucceeded);
        assertContains(outcome, "expected 20261204100500_fail_after_logging to end SUCCEEDED, but it ended FAILED");
        assertContains(outcome, "account 5 is still open");
        assertContains(outcome, "done checking");
        assertContains(failure(() -> run.assertStatus(ScriptStatus.SUCCESS)), "to be recorded success, but it is failed");
    }

    @Test
    void output_mismatch_showsTheLineThatDiffers(ScriptKit kit) {
        ScriptRun run = kit.run(TestScripts.FailAfterLogging.class);

        assertContains(failure(() -> run.assertOutputContains("all good")),
                "expected a line of 20261204100500_fail_after_logging's output to contain \"all good\", but none does");
        assertContains(failure(() -> run.assertOutputLines("checking 5 accounts", "all good")),
                "differs at line 2: expected \"all good\", was \"done checking\"");
    }

    @Test
    void rowsChanged_mismatch_listsTheChanges(ScriptKit kit) {
        ScriptRun run = kit.script(TestScripts.GiveBonus.class).with("amount", "2").run();

        assertContains(failure(() -> run.assertRowsChanged("accounts", 3)),
                "to change 3 rows of table accounts, but it changed 4");
        assertContains(failure(run::assertNoRowsChanged), "updated id=5: bonus: null -> 2");
    }

    private static String failure(Executable assertion) {
        return assertThrows(AssertionFailedError.class, assertion).getMessage();
    }

    private static void assertContains(String message, String expected) {
        assertTrue(message.contains(expected), () -> "expected the message to contain\n  " + expected + "\nbut it is\n"
                + message);
    }
}
