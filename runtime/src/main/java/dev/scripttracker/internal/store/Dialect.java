package dev.scripttracker.internal.store;

import dev.scripttracker.internal.store.StateStore.CheckpointSaved;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Everything that differs between database families. Vendor SQL lives here and nowhere else. */
public interface Dialect {

    String name();

    /** Column type for long text (output, stack traces). */
    String textType();

    /** How many characters a {@link #textType()} column surely holds. */
    int longTextChars();

    /**
     * A query of one row naming the server, database, user and schema of the session, for
     * {@link SessionIdentity}. It reads no table and changes nothing, so it may run inside any transaction.
     */
    String sessionIdentityQuery();

    /** Column type for a UTC timestamp with milliseconds. */
    String timestampType();

    /** What follows the column list of every {@code create table} of the store (a character set, say). */
    default String tableOptions() {
        return "";
    }

    /** Creates the history index unless it exists. */
    default void createHistoryIndex(Handle handle, TableNames tables) {
        handle.execute("create index if not exists " + tables.historyIndex() + " on " + tables.history()
                + " (script_id, started_at)");
    }

    /**
     * The per-script lock of one attempt.
     *
     * @param work the attempt's work session: where the database has session locks, they are held by it,
     *     so that a free lock proves the last holder's work session gone, and its uncommitted work with it
     * @param store the attempt's store session, which renews the lock (and holds a lease row where the
     *     database has no session locks)
     * @param scope what the tables belong to, from {@link #lockScope}: locks of different scopes never meet
     * @return by default a lease row in the tool's own lock table, held by the store session: portable SQL
     *     for any database without session-bound locks; those that have them override this
     */
    default ScriptLock newLock(Handle work, Handle store, String scope, TableNames tables, LeaseTerms lease) {
        return new LeaseLock(store, tables, lease, this);
    }

    /**
     * Whether holding the lock proves that whoever held it before is gone with its work session (its
     * uncommitted work rolled back by the server): then a {@code running} row found under the lock is
     * interrupted at once. Without this proof, only an expired lease says a holder is gone.
     */
    default boolean lockProvesHolderGone() {
        return false;
    }

    /**
     * Names the tables' schema and prefix, once per engine, so that applications sharing a server
     * (other schemas, other databases) never share a script's lock.
     */
    default String lockScope(Handle handle, TableNames tables) {
        return tables.state();
    }

    /**
     * Makes every statement of the work session fail once {@code remaining} has passed; zero lifts
     * any limit (the script asked for none). Values beyond the database's range are capped.
     */
    void limitStatements(Handle work, Duration remaining, boolean inTransaction);

    /** Undoes {@link #limitStatements} where it set a session-wide value. */
    void unlimitStatements(Handle work, boolean inTransaction);

    /**
     * An insert that does nothing when a row with the same key exists: processes starting together
     * race to write the same row, and a duplicate-key error would be logged by some drivers.
     */
    default String insertUnlessPresent(String table, String columns, String values) {
        return "insert into " + table + " (" + columns + ") values (" + values + ")";
    }

    /** Adds a column to an existing table; does nothing when another process added it first. */
    default void addColumnIfMissing(Handle handle, String table, String columnDefinition) {
        handle.execute("alter table " + table + " add column if not exists " + columnDefinition);
    }

    /**
     * Whether {@code (a, b) > (?, ?)} is planned as well as its expansion, so that keyset batches
     * may use it; where not, they spell the comparison out column by column.
     */
    default boolean comparesRowValuesWell() {
        return false;
    }

    /**
     * One statement that runs {@code update}, which changes at most one row, and then {@code insert}
     * ("insert into table (columns)") of {@code values} only if the update changed the row: a round trip
     * saved where the database can.
     *
     * @return empty where it cannot: the caller then runs the two in turn
     */
    default Optional<String> insertIfUpdated(String update, String insert, String values) {
        return Optional.empty();
    }

    /**
     * Saves a batch's checkpoint and commits the batch's open transaction in one round trip, where the
     * driver sends the two together and skips the commit when the statement fails: a checkpoint that is no
     * longer the run's then leaves the transaction to roll back.
     *
     * @return empty where the database cannot: the caller then saves and commits on its own
     */
    default Optional<CheckpointSaved> saveCheckpointAndCommit(Handle handle, CheckpointUpdate update) {
        return Optional.empty();
    }

    /**
     * Whether {@code failure} is the database's file changing hands between the processes sharing it:
     * a wait, after which a new connection may try again.
     */
    default boolean isChangingHands(Throwable failure) {
        return false;
    }

    default boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
