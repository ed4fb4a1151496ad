package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.StatementCount;
import dev.scripttracker.testing.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MariaDbBatchTest extends BatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Test
    void dryRun_countsTheRowsOfInsertsSentAsOneJdbcBatch() {
        RunResult result = tracker(BatchScripts.InsertsInOneJdbcBatch.class).run("b15_inserts_in_one_jdbc_batch",
                RunOptions.defaults().withDryRun());

        assertEquals(RunOutcome.DRY_RUN, result.outcome(), result.message());
        assertEquals(List.of(new StatementCount("insert into items (id, name) values (:id, 'new')", 25, 25)),
                result.statements());
    }
}
