package dev.scripttracker.reliability;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;

/**
 * The script the crash test kills: adds 1 to {@code crash_rows.counter} batch by batch, so a row
 * processed twice shows as 2 and a row never processed as 0. Before each batch's work it prints
 * {@link #BATCH_BEGINS} and the batch number to standard output (flushed per line, so the line survives
 * a SIGKILL), which tells the test whether a kill landed inside a batch's transaction. Each batch then
 * holds its transaction open for {@code hold-millis} after its update, as slow per-row work would: most
 * kills land between a batch's update and its commit, the moment that would count a row twice if the
 * work and its checkpoint did not commit together.
 *
 * <p>The processor lists it in the test classes' registry: like the connection-loss scripts its id
 * sorts last, and without its table it fails at once, should a {@code runPending} elsewhere reach it.
 */
@TrackedScript(id = CrashBackfillScript.ID, description = "Adds 1 to every row of crash_rows, batch by batch",
        transaction = Transaction.BATCH, timeout = "PT10M")
public final class CrashBackfillScript implements Script {

    static final String ID = "zz_crash_backfill";
    static final String BATCH_BEGINS = "batch begins: ";
    static final String SIZE = "size";
    static final String HOLD_MILLIS = "hold-millis";

    @Override
    public void run(ScriptContext ctx) {
        int size = Integer.parseInt(ctx.requireParameter(SIZE));
        long holdMillis = Long.parseLong(ctx.requireParameter(HOLD_MILLIS));
        ctx.batches("select id from crash_rows order by id").size(size).forEach((batch, h) -> {
            System.out.println(BATCH_BEGINS + batch.number());
            h.createUpdate("update crash_rows set counter = counter + 1 where id in (<ids>)")
                    .bindList("ids", batch.ids()).execute();
            Thread.sleep(holdMillis);
        });
    }
}
