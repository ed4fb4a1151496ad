package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.StatementCount;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.testing.DatabaseKind;
import java.sql.BatchUpdateException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class H2BatchTest extends BatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Test
    void dryRun_countsTheEntriesOfAJdbcBatchThatFailedPartWay() {
        RunResult result = tracker(GoesOnAfterAFailedBatchEntry.class).run("b17_goes_on_after_a_failed_batch_entry",
                RunOptions.defaults().withDryRun());

        assertEquals(RunOutcome.DRY_RUN, result.outcome(), result.message());
        assertEquals(List.of(new StatementCount("insert into items (id, name) values (1, 'first')", 1, 1),
                new StatementCount("insert into items (id, name) values (2, 'second')", 1, 1)), result.statements());
    }

    /** H2 runs every entry of a batch and reports the failed ones at the end; the script goes on. */
    @TrackedScript(id = "b17_goes_on_after_a_failed_batch_entry")
    public static class GoesOnAfterAFailedBatchEntry implements Script {
        @Override
        public void run(ScriptContext ctx) throws Exception {
            try (Statement batch = ctx.connection().createStatement()) {
                batch.addBatch("insert into items (id, name) values (1, 'first')");
                batch.addBatch("insert into items (id, name) values (1, 'duplicate')");
                batch.addBatch("insert into items (id, name) values (2, 'second')");
                batch.executeBatch();
            } catch (BatchUpdateException expected) {
                ctx.log("a batch entry failed: {}", expected.getMessage());
            }
        }
    }
}
