package dev.scripttracker;

/**
 * How often a run executed one statement through its {@link ScriptContext#handle()}, and how many
 * rows those executions changed in all: a dry run's report of what a real run would do.
 *
 * @param sql the statement as written, before list expansion ({@code where id in (<ids>)})
 */
public record StatementCount(String sql, long executions, long rowsAffected) {
}
