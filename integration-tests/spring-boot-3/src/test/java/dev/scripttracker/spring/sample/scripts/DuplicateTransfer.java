package dev.scripttracker.spring.sample.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.sample.Ledger;
import org.springframework.stereotype.Component;

/** Its service's second write hits a duplicate key: nothing of the script may stay. */
@Component
@TrackedScript(id = "20261201100000_duplicate_transfer", description = "Book a transfer over an existing entry")
public class DuplicateTransfer implements Script {

    private final Ledger ledger;

    public DuplicateTransfer(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void run(ScriptContext ctx) {
        ledger.open(10, "carol", 10);
        ledger.transfer(11, 10, "carol", "dave", 5);
    }
}
