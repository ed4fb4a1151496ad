package dev.scripttracker.demo;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.demo.scripts.AwardLoyaltyPoints;
import dev.scripttracker.test.ScriptKit;
import dev.scripttracker.test.ScriptTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's "Testing your scripts" example, as it is printed there. */
@ScriptTest
class ReadmeExampleKitTest {

    @BeforeEach
    void customers(ScriptKit kit) {
        kit.execute("create table customers (id int primary key, spend decimal(10, 2), points int)",
                "insert into customers values (1, 1500, null), (2, 20, null), (3, 2500, null)");
    }

    @Test
    void awardsPointsOnce(ScriptKit kit) {
        kit.script(AwardLoyaltyPoints.class).with("tenant", "acme").run()
                .assertSucceeded()
                .assertStatus(ScriptStatus.SUCCESS)
                .assertOutputContains("awarded points to 3 customers")
                .assertRowsChanged("customers", 3);

        kit.assertIdempotent(AwardLoyaltyPoints.class);
    }

    @Test
    void resumesAfterAFailedBatch(ScriptKit kit) {
        kit.assertResumable(AwardLoyaltyPoints.class, 2);
    }

    @Test
    void dryRunChangesNothing(ScriptKit kit) {
        kit.assertDryRunChangesNothing(AwardLoyaltyPoints.class);
    }
}
