package dev.scripttracker.demo.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;

/** Succeeds: gives every big spender without a tier the gold tier. */
@TrackedScript(id = "20261124090000_backfill_customer_tiers",
        description = "Give customers who spent over 1,000 the gold tier")
public class BackfillCustomerTiers implements Script {

    @Override
    public void run(ScriptContext ctx) {
        int updated = ctx.handle().execute("update customers set tier = 'gold' where spend > 1000 and tier is null");
        ctx.log("gave {} customers the gold tier", updated);
    }

    public void rollback(ScriptContext ctx) {
        int reverted = ctx.handle().execute("update customers set tier = null where tier = 'gold'");
        ctx.log("took the gold tier back from {} customers", reverted);
    }
}
