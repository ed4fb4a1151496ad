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

    /**
     * MariaDB has no {@code server_uuid}. Its {@code server_uid} (a hash of the machine's MAC address
     * and the port, a system variable since 10.6.19) tells apart servers that host name, port and
     * data directory alone do not (two clusters' {@code db-0} on 3306); it is read from
     * {@code information_schema} so that an older server answers null instead of failing. The data
     * directory and {@code server_id} are there for those older servers.
     */
    @Override
    public String sessionIdentityQuery() {
        return "select (select variable_value from information_schema.global_variables where variable_name"
                + " = 'SERVER_UID'), @@hostname, @@port, @@datadir, @@server_id, database(), current_user()";
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
