package dev.scripttracker.internal.run;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
        return type.cast(Proxy.newProxyInstance(CountingStatement.class.getClassLoader(), new Class<?>[] {type},
                new CountingStatement(statement, connection, sql, counter)));
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
            case "addBatch":
                if (args != null) {
                    batchedSql.add((String) args[0]);
                }
                return call(method, args);
            case "clearBatch":
                batchedSql.clear();
                return call(method, args);
            case "executeBatch", "executeLargeBatch":
                return executeBatch(method);
            default:
                return call(method, args);
        }
    }

    private Object executeBatch(Method method) throws Throwable {
        List<String> sql = List.copyOf(batchedSql);
        batchedSql.clear();
        Object counts = call(method, null);
        long[] rows = counts instanceof int[] ints ? Arrays.stream(ints).asLongStream().toArray() : (long[]) counts;
        if (sql.size() == rows.length) {
            for (int i = 0; i < rows.length; i++) {
                counter.executedBatch(sql.get(i), new long[] {rows[i]});
            }
        } else {
            counter.executedBatch(text, rows);
        }
        return counts;
    }

    private String sqlOf(Object[] args) {
        return args != null && args.length > 0 && args[0] instanceof String sql ? sql : text;
    }
}
