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
 * runs; the returned binding is told about the end of the transaction and closed on that thread.
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
