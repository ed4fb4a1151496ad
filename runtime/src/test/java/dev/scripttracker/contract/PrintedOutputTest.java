package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a script prints to System.out on its own thread is part of its recorded output. */
class PrintedOutputTest {

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(DatabaseKind.H2);

    @TrackedScript(id = "0201_prints")
    public static class Prints implements Script {
        @Override
        public void run(ScriptContext ctx) throws InterruptedException {
            System.out.println("first line");
            ctx.log("logged line");
            Thread helper = new Thread(() -> System.out.println("from another thread"));
            helper.start();
            helper.join();
            System.out.print("no line break at the end");
        }
    }

    @Test
    void linesPrintedOnTheScriptsThread_areInItsRecordedOutput() {
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(fresh.get().dataSource())
                .register(Prints.class).build()) {
            RunResult result = tracker.run("0201_prints");

            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            String recorded = tracker.history("0201_prints").get(0).output();
            assertTrue(recorded.contains(" [stdout] first line\n"), recorded);
            assertTrue(recorded.contains(" logged line\n"), recorded);
            assertTrue(recorded.contains(" [stdout] no line break at the end\n"), recorded);
            assertFalse(recorded.contains("from another thread"), recorded);
            assertEquals(recorded.indexOf("logged line"), recorded.lastIndexOf("logged line"), "logged once");
        }
    }
}
