package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.StatementCount;
import dev.scripttracker.internal.DriverManagerDataSource;
import dev.scripttracker.testing.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresBatchTest extends BatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Test
    void dryRun_withInsertsTheDriverRewritesIntoOne_saysTheirRowCountIsUnknown() {
        String rewriting = db.url() + (db.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        ScriptTracker tracker = ScriptTracker.builder().dataSource(new DriverManagerDataSource(rewriting, null, null))
                .register(BatchScripts.InsertsInOneJdbcBatch.class).build();
        trackers.add(tracker);

        RunResult result = tracker.run("b15_inserts_in_one_jdbc_batch", RunOptions.defaults().withDryRun());

        assertEquals(RunOutcome.DRY_RUN, result.outcome(), result.message());
        StatementCount inserts = result.statements().get(0);
        assertEquals(List.of("insert into items (id, name) values (:id, 'new')"),
                result.statements().stream().map(StatementCount::sql).toList());
        assertEquals(25, inserts.executions());
        assertTrue(inserts.executionsWithoutRowCount() > 0, "the driver answers SUCCESS_NO_INFO for rewritten inserts");
        assertEquals(25, inserts.rowsAffected() + inserts.executionsWithoutRowCount(),
                "each insert adds one row: those the driver counted plus those it did not: " + inserts);
    }
}
