package dev.scripttracker.contract;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;

/** Scripts whose output, errors and description hold text that no database stores as it is. */
public final class StoredTextScripts {

    /** A NUL, an unpaired high surrogate, an unpaired low surrogate, and a character outside the BMP. */
    static final String AWKWARD = "nul[\u0000] high[\uD800] low[\uDC00] cat[\uD83D\uDC08]";
    static final String STORED = "nul[\u2400] high[\uFFFD] low[\uFFFD] cat[\uD83D\uDC08]";

    private StoredTextScripts() {
    }

    @TrackedScript(id = "0101_logs_awkward_text", description = "description with a NUL: [\u0000]")
    public static class LogsAwkwardText implements Script {
        @Override
        public void run(ScriptContext ctx) throws InterruptedException {
            ctx.log("printed " + AWKWARD);
            // Long enough for heartbeats, which save the output while the script runs.
            Thread.sleep(400);
            ContractScripts.insert(ctx, 101, "done");
        }
    }

    @TrackedScript(id = "0102_fails_with_awkward_message")
    public static class FailsWithAwkwardMessage implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ContractScripts.insert(ctx, 102, "rolled back");
            ctx.log("about to fail with " + AWKWARD);
            throw new IllegalStateException("broken " + AWKWARD);
        }
    }

    @TrackedScript(id = "0103_logs_a_lot")
    public static class LogsALot implements Script {
        @Override
        public void run(ScriptContext ctx) {
            String line = "x".repeat(9_999);
            for (int i = 0; i < 300; i++) {
                ctx.log("{} {}", i, line);
            }
            ContractScripts.insert(ctx, 103, "done");
        }
    }
}
