package dev.scripttracker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.demo.scripts.AwardLoyaltyPoints;
import dev.scripttracker.demo.scripts.BackfillCustomerTiers;
import dev.scripttracker.demo.scripts.NormalizeEmails;
import dev.scripttracker.demo.scripts.RemoveTestAccounts;
import dev.scripttracker.test.ScriptKit;
import dev.scripttracker.test.ScriptRun;
import dev.scripttracker.test.ScriptTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's scripts, tested with the test kit as their authors would: on the H2 default, and on
 * PostgreSQL and MariaDB through scripttracker.test.url (this module's kit-test executions).
 */
@ScriptTest
class DemoScriptsKitTest {

    @BeforeEach
    void customers(ScriptKit kit) {
        kit.execute("create table customers (id integer primary key, email varchar(200) not null,"
                        + " spend decimal(10, 2) not null, tier varchar(20), points integer)",
                "insert into customers values (1, 'Ada@Example.com', 1500, null, null),"
                        + " (2, 'ada@example.com', 20, null, null), (3, 'grace@example.com', 2500, null, null),"
                        + " (4, 'linus@example.com', 300, null, null)");
    }

    @Test
    void backfillCustomerTiers_givesBigSpendersGold_once(ScriptKit kit) {
        kit.run(BackfillCustomerTiers.class)
                .assertSucceeded()
                .assertOutputLines("gave 2 customers the gold tier")
                .assertRowsChanged("customers", 2);

        kit.assertIdempotent(BackfillCustomerTiers.class);
        kit.assertDryRunChangesNothing(BackfillCustomerTiers.class);
    }

    @Test
    void awardLoyaltyPoints_resumesAfterAFailedBatch_withoutAwardingTwice(ScriptKit kit) {
        kit.assertResumable(AwardLoyaltyPoints.class, 2)
                .assertSucceeded()
                .assertOutputContains("resuming batch loop 1 after batch 1 (2 items done)");
        assertEquals(List.of(150, 2, 250, 30), kit.jdbi().withHandle(h ->
                h.select("select points from customers order by id").mapTo(Integer.class).list()));

        kit.assertIdempotent(AwardLoyaltyPoints.class);
    }

    @Test
    void awardLoyaltyPoints_dryRun_rollsEveryBatchBack(ScriptKit kit) {
        kit.assertDryRunChangesNothing(AwardLoyaltyPoints.class).assertOutputContains("awarded points to 4 customers");
    }

    @Test
    void normalizeEmails_failsOnTheClash_andLeavesEveryAddressAsItWas(ScriptKit kit) {
        ScriptRun run = kit.run(NormalizeEmails.class)
                .assertFailed()
                .assertStatus(ScriptStatus.FAILED)
                // MariaDB's default collation ignores case, so there "email <> lower(email)" finds none: 0.
                .assertOutputContains("lower-cased ")
                .assertNoRowsChanged();

        assertTrue(run.result().error().getMessage().startsWith("1 address(es) would be shared by several customers"),
                run::toString);
    }

    @Test
    void removeTestAccounts_skipsWhenThereAreNone_andDeletesThemOtherwise(ScriptKit kit) {
        kit.run(RemoveTestAccounts.class).assertSkipped().assertStatus(ScriptStatus.SKIPPED).assertNoRowsChanged();

        kit.execute("insert into customers values (5, 'qa@example.test', 0, null, null)");
        kit.script(RemoveTestAccounts.class).runForced()
                .assertOutcome(RunOutcome.SUCCEEDED)
                .assertRowsChanged("customers", 1);
    }
}
