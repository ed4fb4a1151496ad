package dev.scripttracker.reliability;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;

/**
 * The script the multi-process tests run in several JVMs at once: adds 1 to {@code parallel_rows.counter}
 * with {@code workers(4)}, so a row processed twice shows as 2 and a row never processed as 0. Each batch
 * holds its transaction open for {@code hold-millis} after its update, as slow per-row work would, so that
 * kills land between a batch's update and its commit. Its id sorts last, and without its table it fails
 * at once, should a {@code runPending} elsewhere reach it.
 */
@TrackedScript(id = ParallelBackfillScript.ID, description = "Adds 1 to every row of parallel_rows, with workers",
        transaction = Transaction.BATCH, timeout = "PT10M")
public final class ParallelBackfillScript implements Script {

    static final String ID = "zz_parallel_backfill";
    static final String SIZE = "size";
    static final String HOLD_MILLIS = "hold-millis";

    @Override
    public void run(ScriptContext ctx) {
        int size = Integer.parseInt(ctx.requireParameter(SIZE));
        long holdMillis = Long.parseLong(ctx.requireParameter(HOLD_MILLIS));
        ctx.batches("select id from parallel_rows order by id").size(size).workers(4).count().forEach((batch, h) -> {
            h.createUpdate("update parallel_rows set counter = counter + 1 where id in (<ids>)")
                    .bindList("ids", batch.ids()).execute();
            if (holdMillis > 0) {
                Thread.sleep(holdMillis);
            }
        });
    }
}
