package dev.scripttracker.console;

import dev.scripttracker.Param;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The scripts the console's tests show, run and cancel. */
public final class ConsoleScripts {

    static final String BACKFILL = "20261201100000_backfill_counters";
    static final String FAILS = "20261201110000_fails_on_a_bad_row";
    static final String MARKUP = "20261201120000_prints_markup";
    static final String QUICK = "20261201130000_quick_fix";
    static final String TYPED = "20261201140000_typed_parameters";

    static final String HOSTILE = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";

    /** Milliseconds each backfill batch takes, so that a page sees its progress move. */
    static volatile long batchPause = 0;
    /** When set, the backfill's next batch waits inside its transaction until {@link #release}. */
    static volatile boolean holdNextBatch;
    static volatile CountDownLatch held = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    private ConsoleScripts() {
    }

    static void reset() {
        batchPause = 0;
        holdNextBatch = false;
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @TrackedScript(id = BACKFILL, description = "Add one to every item's counter", transaction = Transaction.BATCH)
    public static class Backfill implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from items order by id").size(10).count().forEach((batch, h) -> {
                h.createUpdate("update items set counter = counter + 1 where id in (<ids>)")
                        .bindList("ids", batch.ids()).execute();
                if (holdNextBatch) {
                    holdNextBatch = false;
                    held.countDown();
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the held batch");
                    }
                }
                Thread.sleep(batchPause);
            });
        }
    }

    @TrackedScript(id = FAILS, description = "Moves balances; fails on account 42")
    public static class Fails implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.log("moving balances");
            throw new IllegalStateException("balance of account 42 would go negative (-17.50)");
        }
    }

    @TrackedScript(id = MARKUP, description = "Prints HTML and JavaScript " + HOSTILE)
    public static class PrintsMarkup implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.log("customer name: " + HOSTILE);
            throw new IllegalStateException("bad name " + HOSTILE);
        }
    }

    /** Declared parameters: the run form lists them, and the console checks them before anything runs. */
    public record TypedParams(@Param(description = "the tenant to fix") String tenant,
            @Param(secret = true, description = "the support PIN") String pin,
            @Param(required = false, defaultValue = "100") int limit) {
    }

    @TrackedScript(id = TYPED, description = "Takes typed parameters", parameters = TypedParams.class)
    public static class Typed implements Script {
        @Override
        public void run(ScriptContext ctx) {
            TypedParams p = ctx.parameters(TypedParams.class);
            ctx.log("tenant " + p.tenant() + ", limit " + p.limit());
        }
    }

    @TrackedScript(id = QUICK, description = "Does nothing much")
    public static class Quick implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.log("parameter tenant = " + ctx.parameter("tenant").orElse("(none)"));
        }
    }
}
