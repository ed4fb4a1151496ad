package dev.scripttracker.demo.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;

/**
 * Fails and is rolled back: lower-casing the addresses would give two customers the same one, so
 * the script stops, and the addresses it had already changed are restored by the rollback.
 */
@TrackedScript(id = "20261124110000_normalize_emails", description = "Lower-case every e-mail address")
public class NormalizeEmails implements Script {

    @Override
    public void run(ScriptContext ctx) {
        int changed = ctx.handle().execute("update customers set email = lower(email) where email <> lower(email)");
        ctx.log("lower-cased {} addresses", changed);
        long clashes = ctx.handle().select("select count(*) from (select email from customers group by email"
                + " having count(*) > 1) shared").mapTo(Long.class).one();
        if (clashes > 0) {
            throw new IllegalStateException(clashes + " address(es) would be shared by several customers after"
                    + " lower-casing; merge those customers first, then run this script again");
        }
    }
}
