package dev.scripttracker.internal.store.mysql;

import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.ScriptLock;
import dev.scripttracker.internal.store.TableNames;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/** MySQL: {@code GET_LOCK}, released by the server when the holder's session dies. */
public class MySqlDialect implements Dialect {

    private static final int DUPLICATE_ENTRY = 1062;
    private static final int DUPLICATE_KEY_NAME = 1061;
    private static final int DUPLICATE_COLUMN_NAME = 1060;

    @Override
    public String name() {
        return "MySQL";
    }

    @Override
    public String textType() {
        return "mediumtext";
    }

    /** mediumtext holds 16 MiB of bytes: four per character at worst in utf8mb4. */
    @Override
    public int longTextChars() {
        return 4_194_303;
    }

    /**
     * The server by its own identity: {@code server_uuid} is generated when the data directory is
     * initialized, so two servers never share it, even with the same host name, port and database
     * (two clusters' {@code mysql-0} on 3306).
     */
    @Override
    public String sessionIdentityQuery() {
        return "select @@server_uuid, @@hostname, @@port, database(), current_user()";
    }

    @Override
    public String timestampType() {
        return "datetime(3)";
    }

    /**
     * Not the database's default character set, which may be latin1 (or a 3-byte utf8) and would refuse
     * or mangle an output with emoji; binary collation compares script ids exactly, as H2 and PostgreSQL do.
     */
    @Override
    public String tableOptions() {
        return " default charset=utf8mb4 collate=utf8mb4_bin";
    }

    /** MySQL has no "create index if not exists". */
    @Override
    public void createHistoryIndex(Handle handle, TableNames tables) {
        ignoring(DUPLICATE_KEY_NAME, () -> handle.execute("create index " + tables.historyIndex() + " on "
                + tables.history() + " (script_id, started_at)"));
    }

    @Override
    public String insertUnlessPresent(String table, String columns, String values) {
        return "insert ignore into " + table + " (" + columns + ") values (" + values + ")";
    }

    /** MySQL has no "add column if not exists". */
    @Override
    public void addColumnIfMissing(Handle handle, String table, String columnDefinition) {
        ignoring(DUPLICATE_COLUMN_NAME, () -> handle.execute("alter table " + table + " add column " + columnDefinition));
    }

    private static void ignoring(int errorCode, Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof SQLException sql && sql.getErrorCode() == errorCode)) {
                throw e;
            }
        }
    }

    /** The server frees a session lock only with its session: the work session holds it. */
    @Override
    public boolean lockProvesHolderGone() {
        return true;
    }

    @Override
    public ScriptLock newLock(Handle work, Handle store, String scope, TableNames tables, LeaseTerms lease) {
        return new NamedLock(work, store, scope);
    }

    /** GET_LOCK names are server-wide; the database tells applications on one server apart. */
    @Override
    public String lockScope(Handle handle, TableNames tables) {
        return tables.state().contains(".") ? tables.state()
                : handle.createQuery("select database()").mapTo(String.class).findOne().orElse("") + "." + tables.state();
    }

    @Override
    public void limitStatements(Handle work, Duration remaining, boolean inTransaction) {
        work.execute("set session max_execution_time = " + Math.min(Integer.MAX_VALUE, remaining.toMillis()));
    }

    @Override
    public void unlimitStatements(Handle work, boolean inTransaction) {
        work.execute("set session max_execution_time = default");
    }

    @Override
    public boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == DUPLICATE_ENTRY;
    }
}
