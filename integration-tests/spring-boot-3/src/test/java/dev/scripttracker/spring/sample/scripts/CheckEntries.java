package dev.scripttracker.spring.sample.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import dev.scripttracker.spring.sample.Ledger;
import org.springframework.stereotype.Component;

/** A backfill in batches of two, each committed with its checkpoint, through the service. */
@Component
@TrackedScript(id = "20261201130000_check_entries", description = "Mark every entry checked",
        transaction = Transaction.BATCH)
public class CheckEntries implements Script {

    private final Ledger ledger;

    public CheckEntries(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void run(ScriptContext ctx) {
        ctx.batches("select id from ledger where checked = false order by id").size(2).count()
                .forEach((batch, handle) -> ledger.markChecked(batch.ids()));
    }
}
