package dev.scripttracker;

import java.sql.Connection;

/**
 * Shows the connection a script works on to a container's own transaction management while the
 * script runs, so that code reaching the database through the container (Spring's
 * {@code JdbcTemplate}, {@code @Transactional} services) works on that very connection, in the
 * script's transaction. The engine still begins, commits and rolls back that transaction itself: in
 * {@code SCRIPT} mode once, together with the {@code success} record; in {@code BATCH} mode once per
 * batch, together with its checkpoint. {@code Transaction.NONE} scripts are not bound.
 *
 * <p>Called on the script's thread: {@link #bind} after the transaction began and before the body
 * runs; the returned binding is asked to flush before each commit of the work, told about the end
 * of the transaction (and of each batch's) and closed on that thread. A loop with
 * {@code workers(n)} binds each worker's own connection the same way, on the worker's thread, for
 * the worker's life: its binding is asked to flush before each of the worker's batch commits.
 */
@FunctionalInterface
public interface WorkConnectionBinder {

    /** Binds nothing: the script's work is reachable only through {@link ScriptContext}. */
    WorkConnectionBinder NONE = (script, connection) -> Binding.NOTHING;

    /**
     * @param script the script about to run
     * @param connection the script's work connection; never commit, roll back or close it
     * @return what to undo when the run ends
     */
    Binding bind(ScriptDefinition script, Connection connection);

    /** One script run's binding. */
    interface Binding extends AutoCloseable {

        Binding NOTHING = () -> { };

        /**
         * The work done so far is about to be committed: write out what the container still holds back
         * (an ORM's pending changes) on the work connection, so that it commits with the record. Called
         * when the script returned, before its {@code success} record ({@code SCRIPT}) or its end
         * ({@code BATCH}), and after each batch's work, before its checkpoint; in dry runs too, whose
         * work is then rolled back. A failure here is the script's (or that batch's) failure.
         */
        default void flush() {
        }

        /**
         * One batch's own transaction ended ({@code BATCH} mode, or a dry run's batch rolled back to its
         * savepoint): {@code committed} with its checkpoint, or rolled back. What the container keeps
         * for that batch alone (an ORM's loaded entities) may be let go.
         */
        default void batchEnded(boolean committed) {
        }

        /** The script succeeded and its transaction is about to commit (with the {@code success} record). */
        default void beforeCommit() {
        }

        /** The script's transaction has ended: committed, or rolled back when {@code committed} is false. */
        default void afterCompletion(boolean committed) {
        }

        /** Undoes the binding; called once, after {@link #afterCompletion} when the transaction ended. */
        @Override
        void close();
    }
}
