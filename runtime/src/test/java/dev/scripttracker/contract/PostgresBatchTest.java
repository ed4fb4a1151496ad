package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.StatementCount;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.internal.DriverManagerDataSource;
import dev.scripttracker.testing.DatabaseKind;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.junit.jupiter.api.Test;

class PostgresBatchTest extends BatchContractTest {

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Test
    void dryRun_withInsertsTheDriverRewritesIntoOne_saysTheirRowCountIsUnknown() {
        String rewriting = db.url() + (db.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        ScriptTracker tracker = tracker(new DriverManagerDataSource(rewriting, null, null),
                BatchScripts.InsertsInOneJdbcBatch.class);

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

    @Test
    void dryRun_leavesTheConnectionCastableToTheDriversOwnInterface() {
        RunResult result = tracker(CastsToPgConnection.class).run("b16_casts_to_pg_connection",
                RunOptions.defaults().withDryRun());

        assertEquals(RunOutcome.DRY_RUN, result.outcome(), result.message());
        assertEquals(List.of(new StatementCount("insert into items (id, name) values (1, 'pg')", 1, 1)),
                result.statements());
    }

    /** Uses the driver's own interface, as a script calling pgjdbc's COPY or notification API would. */
    @TrackedScript(id = "b16_casts_to_pg_connection")
    public static class CastsToPgConnection implements Script {
        @Override
        public void run(ScriptContext ctx) throws Exception {
            int backend = ((PGConnection) ctx.connection()).getBackendPID();
            try (Statement insert = ctx.connection().createStatement()) {
                insert.executeUpdate("insert into items (id, name) values (1, 'pg')");
            }
            ctx.log("backend {}", backend);
        }
    }
}
