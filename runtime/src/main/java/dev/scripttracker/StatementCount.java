package dev.scripttracker;

/**
 * How often a run executed one data-changing statement, and how many rows those executions changed
 * in all: a dry run's report of what a real run would do. A dry run counts the statements whichever
 * way the script ran them on its connection: JDBI updates and {@code PreparedBatch}es on
 * {@link ScriptContext#handle()}, and plain JDBC on {@link ScriptContext#connection()}; not statements
 * that return rows, nor what goes through the driver's own API reached with {@code unwrap}. A real run
 * counts only the statements JDBI ran one at a time, which costs its work nothing.
 *
 * @param sql the statement as written: JDBI's text before list expansion ({@code where id in (<ids>)}),
 *     or the SQL given to JDBC
 * @param rowsAffected the rows changed by the executions whose count the driver reported
 * @param executionsWithoutRowCount executions of a JDBC batch for which the driver reported success but
 *     no row count ({@code Statement.SUCCESS_NO_INFO}); their rows are not in {@code rowsAffected}
 */
public record StatementCount(String sql, long executions, long rowsAffected, long executionsWithoutRowCount) {

    public StatementCount(String sql, long executions, long rowsAffected) {
        this(sql, executions, rowsAffected, 0);
    }
}
