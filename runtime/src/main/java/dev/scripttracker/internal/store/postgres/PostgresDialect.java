package dev.scripttracker.internal.store.postgres;

import dev.scripttracker.internal.store.CheckpointUpdate;
import dev.scripttracker.internal.store.ChunkStore;
import dev.scripttracker.internal.store.ChunkUpdate;
import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.ScriptLock;
import dev.scripttracker.internal.store.StateStore.CheckpointSaved;
import dev.scripttracker.internal.store.TableNames;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** PostgreSQL: session advisory locks, released by the server when the holder's session dies. */
public final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String textType() {
        return "text";
    }

    /** Far below text's 1 GB: a bound on what a run may make the driver send. */
    @Override
    public int longTextChars() {
        return 100_000_000;
    }

    /** The server's start time tells servers on one port apart; the port covers socket and TCP alike. */
    @Override
    public String sessionIdentityQuery() {
        return "select pg_postmaster_start_time(), current_setting('port'), current_database(), current_user, current_schema()";
    }

    @Override
    public String timestampType() {
        return "timestamp(3)";
    }

    /** A writable common table expression: the insert selects from the update's returned rows. */
    @Override
    public Optional<String> insertIfUpdated(String update, String insert, String values) {
        return Optional.of("with updated as (" + update + " returning 1) " + insert + " select " + values
                + " from updated");
    }

    @Override
    public Optional<CheckpointSaved> saveCheckpointAndCommit(Handle handle, CheckpointUpdate update) {
        return Optional.of(CheckpointWithCommit.save(handle, update));
    }

    @Override
    public Optional<ChunkStore.Saved> saveChunkAndCommit(Handle handle, ChunkUpdate update) {
        return Optional.of(ChunkWithCommit.save(handle, update));
    }

    @Override
    public String insertUnlessPresent(String table, String columns, String values) {
        return "insert into " + table + " (" + columns + ") values (" + values + ") on conflict do nothing";
    }

    @Override
    public boolean comparesRowValuesWell() {
        return true;
    }

    /** The server frees a session lock only with its session: the work session holds it. */
    @Override
    public boolean lockProvesHolderGone() {
        return true;
    }

    @Override
    public ScriptLock newLock(Handle work, Handle store, String scope, TableNames tables, LeaseTerms lease) {
        return new AdvisoryLock(work, store, scope);
    }

    /** Advisory locks are per database; the schema tells applications in one database apart. */
    @Override
    public String lockScope(Handle handle, TableNames tables) {
        return tables.state().contains(".") ? tables.state()
                : handle.createQuery("select current_schema()").mapTo(String.class).one() + "." + tables.state();
    }

    @Override
    public void limitStatements(Handle work, Duration remaining, boolean inTransaction) {
        // is_local = true ends with the transaction, so nothing leaks into a pooled connection.
        work.createQuery("select set_config('statement_timeout', :ms, :local)")
                .bind("ms", Long.toString(Math.min(Integer.MAX_VALUE, remaining.toMillis())))
                .bind("local", inTransaction)
                .mapTo(String.class).one();
    }

    @Override
    public void unlimitStatements(Handle work, boolean inTransaction) {
        if (!inTransaction) {
            work.execute("reset statement_timeout");
        }
    }
}
