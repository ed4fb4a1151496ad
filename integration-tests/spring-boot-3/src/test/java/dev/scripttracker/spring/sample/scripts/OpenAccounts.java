package dev.scripttracker.spring.sample.scripts;

import dev.scripttracker.Param;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.sample.Ledger;
import org.springframework.stereotype.Component;

@Component
@TrackedScript(id = "20261201090000_open_accounts", description = "Open the first two accounts",
        parameters = OpenAccounts.Params.class)
public class OpenAccounts implements Script {

    public record Params(@Param(description = "alice's opening balance", defaultValue = "100", identifying = false)
            int aliceBalance) {
    }

    private final Ledger ledger;

    public OpenAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void run(ScriptContext ctx) {
        ledger.open(1, "alice", ctx.parameters(Params.class).aliceBalance());
        ledger.open(2, "bob", 50);
        ctx.log("opened {} accounts", 2);
    }
}
