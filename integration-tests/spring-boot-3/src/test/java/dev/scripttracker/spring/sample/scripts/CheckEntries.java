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
    /** When above 0, the batch of that number fails (to show a resumed run). */
    public volatile int failInBatch;

    public CheckEntries(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void run(ScriptContext ctx) {
        ctx.batches("select id from ledger where checked = false order by id").size(2).count()
                .forEach((batch, handle) -> {
                    ledger.markChecked(batch.ids());
                    if (batch.number() == failInBatch) {
                        throw new IllegalStateException("batch " + batch.number() + " was made to fail");
                    }
                });
    }
}
