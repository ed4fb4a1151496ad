package dev.scripttracker.reliability;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.time.Duration;

/**
 * A process that runs one script and is shut down under it: by the script's own {@code System.exit},
 * or by the test's SIGTERM. Arguments: JDBC URL, script id.
 */
public final class ShutdownChild {

    static final String EXITS = "zz_shutdown_exits_mid_script";
    static final String SLOW_BATCHES = "zz_shutdown_slow_batches";

    private ShutdownChild() {
    }

    public static void main(String[] args) {
        // A long lease: a run recorded interrupted right after the exit was recorded by the shutdown, not by expiry.
        try (ScriptTracker tracker = ScriptTracker.builder().jdbcUrl(args[0]).lease(Duration.ofMinutes(5))
                .register(ExitsMidScript.class, SlowBatches.class).build()) {
            System.out.println("RESULT " + tracker.run(args[1]).outcome());
        }
    }

    @TrackedScript(id = EXITS, description = "Calls System.exit(0) half-way, as some command-line mains do")
    public static class ExitsMidScript implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.handle().execute("insert into shutdown_items (id) values (1)");
            System.out.println("CALLING EXIT");
            System.exit(0);
        }
    }

    @TrackedScript(id = SLOW_BATCHES, transaction = Transaction.BATCH, description = "Batches slow enough to stop")
    public static class SlowBatches implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select n from shutdown_rows order by n").size(10).forEach((batch, h) -> {
                h.createUpdate("update shutdown_rows set counter = counter + 1 where n in (<ns>)")
                        .bindList("ns", batch.ids()).execute();
                System.out.println("BATCH " + batch.number());
                Thread.sleep(100);
            });
        }
    }
}
