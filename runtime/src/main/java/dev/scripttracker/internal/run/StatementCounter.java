package dev.scripttracker.internal.run;

import dev.scripttracker.StatementCount;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Counts the rows each of the script's statements changed, as the driver reports them. The store's
 * own statements on the same handle (checkpoints, the outcome) are left out while {@link #paused}.
 */
final class StatementCounter implements StatementCustomizer {

    private record Tally(long executions, long rows) {
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private boolean paused;

    @Override
    public synchronized void afterExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
        if (paused) {
            return;
        }
        int rows = stmt.getUpdateCount();
        if (rows >= 0) {
            tallies.merge(ctx.getRawSql().strip(), new Tally(1, rows),
                    (a, b) -> new Tally(a.executions() + b.executions(), a.rows() + b.rows()));
        }
    }

    synchronized void pause(boolean pause) {
        paused = pause;
    }

    synchronized List<StatementCount> counts() {
        List<StatementCount> counts = new ArrayList<>();
        tallies.forEach((sql, t) -> counts.add(new StatementCount(sql, t.executions(), t.rows())));
        return counts;
    }
}
