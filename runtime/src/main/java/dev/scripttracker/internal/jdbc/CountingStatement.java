package dev.scripttracker.internal.jdbc;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement of the script's connection that tells the {@link StatementCounter} the rows each of
 * its executions changed, as the driver reports them: single executions, JDBC batches and JDBI's
 * {@code PreparedBatch} alike.
 */
final class CountingStatement extends JdbcWrapper {

    private final Statement statement;
    private final Connection connection;
    private final StatementCounter counter;
    private final List<String> batchedSql = new ArrayList<>();
    private volatile String text;

    private CountingStatement(Statement statement, Connection connection, String sql, StatementCounter counter) {
        super(statement);
        this.statement = statement;
        this.connection = connection;
        this.text = sql;
        this.counter = counter;
    }

    /**
     * @param connection the counting connection the statement came from, which it reports as its own
     * @param sql the statement's SQL for a prepared or callable statement; null for a plain one
     */
    static <S extends Statement> S wrap(S statement, Class<S> type, Connection connection, String sql,
            StatementCounter counter) {
        return proxy(type, statement, new CountingStatement(statement, connection, sql, counter));
    }

    /** Names the statement as its author wrote it (JDBI's text, with named parameters and list markers). */
    static void describeAs(Statement statement, String sql) {
        if (Proxy.isProxyClass(statement.getClass())
                && Proxy.getInvocationHandler(statement) instanceof CountingStatement counting) {
            counting.text = sql;
        }
    }

    @Override
    Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                return connection;
            case "executeUpdate", "executeLargeUpdate": {
                Object rows = call(method, args);
                counter.executed(sqlOf(args), ((Number) rows).longValue());
                return rows;
            }
            case "execute": {
                Object returnedRows = call(method, args);
                if (!(Boolean) returnedRows) {
                    counter.executed(sqlOf(args), statement.getUpdateCount());
                }
                return returnedRows;
            }
            case "addBatch": {
                Object added = call(method, args);
                if (args != null) {
                    batchedSql.add((String) args[0]);
                }
                return added;
            }
            case "clearBatch":
                batchedSql.clear();
                return call(method, args);
            case "executeBatch", "executeLargeBatch":
                return executeBatch(method);
            default:
                return call(method, args);
        }
    }

    /** Counts what the batch changed, also when it failed part-way (entries the driver ran still count). */
    private Object executeBatch(Method method) throws Throwable {
        List<String> sql = List.copyOf(batchedSql);
        batchedSql.clear();
        try {
            Object counts = call(method, null);
            countBatch(sql, counts instanceof int[] ints ? Arrays.stream(ints).asLongStream().toArray() : (long[]) counts);
            return counts;
        } catch (BatchUpdateException failed) {
            countBatch(sql, failed.getLargeUpdateCounts());
            throw failed;
        }
    }

    /**
     * @param sql the statements of a plain statement's batch, in order; empty for a prepared one
     */
    private void countBatch(List<String> sql, long[] rows) {
        if (sql.isEmpty()) {
            counter.executedBatch(text, Arrays.stream(rows).filter(count -> count != Statement.EXECUTE_FAILED).toArray());
            return;
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != Statement.EXECUTE_FAILED) {
                counter.executedBatch(i < sql.size() ? sql.get(i) : UNNAMED_BATCH_ENTRY, new long[] {rows[i]});
            }
        }
    }

    private static final String UNNAMED_BATCH_ENTRY = "(a JDBC batch entry the driver reported beyond those added)";

    private String sqlOf(Object[] args) {
        return args != null && args.length > 0 && args[0] instanceof String sql ? sql : text;
    }
}
