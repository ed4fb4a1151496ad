package dev.scripttracker.demo.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;

/** Skips: there are no test accounts left to remove. */
@TrackedScript(id = "20261124100000_remove_test_accounts",
        description = "Delete accounts created with @example.test addresses")
public class RemoveTestAccounts implements Script {

    @Override
    public void run(ScriptContext ctx) {
        long testAccounts = ctx.handle().select("select count(*) from customers where email like '%@example.test'")
                .mapTo(Long.class).one();
        ctx.skipIf(testAccounts == 0, "no test accounts left");
        ctx.handle().execute("delete from customers where email like '%@example.test'");
    }
}
