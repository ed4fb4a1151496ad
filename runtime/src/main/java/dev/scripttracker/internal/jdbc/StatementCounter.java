package dev.scripttracker.internal.jdbc;

import dev.scripttracker.StatementCount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Counts the rows each of the script's statements changed, as the driver reports them. A dry run
 * {@link #watch watches} the script's connection, so that every statement counts (PreparedBatch and
 * plain JDBC too); a real run counts only what JDBI runs one statement at a time, to keep proxies off
 * the path of every bind. Paused until the script's body starts: the store's own statements on the
 * same connection (session settings, checkpoints, the outcome) are left out.
 */
public final class StatementCounter implements StatementCustomizer {

    private record Tally(long executions, long rows, long withoutRowCount) {

        Tally plus(Tally other) {
            return new Tally(executions + other.executions, rows + other.rows, withoutRowCount + other.withoutRowCount);
        }
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final boolean everyStatement;
    private volatile boolean paused = true;

    /**
     * @param everyStatement whether to count every statement on the connection it {@link #watch watches}
     */
    public StatementCounter(boolean everyStatement) {
        this.everyStatement = everyStatement;
    }

    public boolean countsEveryStatement() {
        return everyStatement;
    }

    /** The script's connection, counting what every statement made from it changes. */
    public Connection watch(Connection connection) {
        return CountingConnection.wrap(connection, this);
    }

    /** JDBI is about to run a statement: report it under the text the script gave JDBI. */
    @Override
    public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
        CountingStatement.describeAs(stmt, ctx.getRawSql());
    }

    /** A real run's count: a statement JDBI ran (after a PreparedBatch the drivers report no count). */
    @Override
    public void afterExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
        if (!everyStatement && !paused) {
            executed(ctx.getRawSql(), stmt.getUpdateCount());
        }
    }

    /** A single execution changed {@code rows} rows (none counted when the driver reports no count). */
    void executed(String sql, long rows) {
        if (rows >= 0) {
            executed(sql, 1, rows, 0);
        }
    }

    /**
     * @param rowCounts a JDBC batch's counts, one per execution, as the driver reported them
     */
    void executedBatch(String sql, long[] rowCounts) {
        long rows = 0;
        long withoutRowCount = 0;
        for (long count : rowCounts) {
            if (count >= 0) {
                rows += count;
            } else {
                withoutRowCount++;
            }
        }
        executed(sql, rowCounts.length, rows, withoutRowCount);
    }

    private void executed(String sql, long executions, long rows, long withoutRowCount) {
        if (paused || sql == null || executions == 0) {
            return;
        }
        synchronized (tallies) {
            tallies.merge(sql.strip(), new Tally(executions, rows, withoutRowCount), Tally::plus);
        }
    }

    public void pause(boolean pause) {
        paused = pause;
    }

    public List<StatementCount> counts() {
        List<StatementCount> counts = new ArrayList<>();
        synchronized (tallies) {
            tallies.forEach((sql, t) -> counts.add(new StatementCount(sql, t.executions(), t.rows(), t.withoutRowCount())));
        }
        return counts;
    }
}
