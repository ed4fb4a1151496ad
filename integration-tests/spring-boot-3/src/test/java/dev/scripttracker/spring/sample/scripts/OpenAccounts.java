package dev.scripttracker.spring.sample.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.sample.Ledger;
import org.springframework.stereotype.Component;

@Component
@TrackedScript(id = "20261201090000_open_accounts", description = "Open the first two accounts")
public class OpenAccounts implements Script {

    private final Ledger ledger;

    public OpenAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void run(ScriptContext ctx) {
        ledger.open(1, "alice", 100);
        ledger.open(2, "bob", 50);
        ctx.log("opened {} accounts", 2);
    }
}
