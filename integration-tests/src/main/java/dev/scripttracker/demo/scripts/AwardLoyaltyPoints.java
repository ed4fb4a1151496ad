package dev.scripttracker.demo.scripts;

import dev.scripttracker.Row;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.math.BigDecimal;

/**
 * Succeeds in checkpointed batches: each batch's points commit with its checkpoint, so a run that
 * stops half-way resumes after its last committed batch and never awards points twice.
 */
@TrackedScript(id = "20261124093000_award_loyalty_points",
        description = "Award one loyalty point per 10 spent, in batches", transaction = Transaction.BATCH)
public class AwardLoyaltyPoints implements Script {

    @Override
    public void run(ScriptContext ctx) {
        long customers = ctx.batches("select id, spend from customers where points is null order by id")
                .size(2).count()
                .forEach((batch, h) -> {
                    for (Row row : batch.items()) {
                        h.createUpdate("update customers set points = :points where id = :id")
                                .bind("points", ((BigDecimal) row.get("spend")).intValue() / 10)
                                .bind("id", row.get("id")).execute();
                    }
                });
        ctx.log("awarded points to {} customers", customers);
    }
}
