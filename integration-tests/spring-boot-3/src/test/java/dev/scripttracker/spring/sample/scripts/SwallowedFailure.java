package dev.scripttracker.spring.sample.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.sample.Ledger;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/** Catches the failure of a @Transactional service method it called, and carries on. */
@Component
@TrackedScript(id = "20261201150000_swallowed_failure", description = "Ignore a failed transfer")
public class SwallowedFailure implements Script {

    private final Ledger ledger;

    public SwallowedFailure(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void run(ScriptContext ctx) {
        ledger.open(40, "ivan", 40);
        try {
            ledger.transfer(41, 40, "ivan", "judy", 5);
        } catch (DataAccessException e) {
            ctx.log("the transfer failed, carrying on: {}", e.getClass().getSimpleName());
        }
    }
}
