package dev.scripttracker.internal.store.mysql;

import dev.scripttracker.internal.store.TableNames;
import java.time.Duration;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * MariaDB: MySQL's locks, types and error codes, with its own statement time limit (in seconds) and
 * the {@code if not exists} clauses MySQL lacks.
 */
public final class MariaDbDialect extends MySqlDialect {

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public void createHistoryIndex(Handle handle, TableNames tables) {
        handle.execute("create index if not exists " + tables.historyIndex() + " on " + tables.history()
                + " (script_id, started_at)");
    }

    @Override
    public void addColumnIfMissing(Handle handle, String table, String columnDefinition) {
        handle.execute("alter table " + table + " add column if not exists " + columnDefinition);
    }

    @Override
    public void limitStatements(Handle work, Duration remaining, boolean inTransaction) {
        long millis = Math.min(Integer.MAX_VALUE, remaining.toMillis());
        work.execute(String.format(Locale.ROOT, "set session max_statement_time = %.3f", millis / 1000.0));
    }

    @Override
    public void unlimitStatements(Handle work, boolean inTransaction) {
        work.execute("set session max_statement_time = default");
    }
}
