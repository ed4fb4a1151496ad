package dev.scripttracker;

import dev.scripttracker.internal.run.CurrentContext;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a running script gets from script-tracker: its database handle inside the run's
 * transaction, logging captured into the run's record, progress, skipping, parameters and
 * cancellation checks.
 *
 * <pre>{@code
 * public void run(ScriptContext ctx) {
 *     long todo = ctx.handle().select("select count(*) from users where theme is null")
 *             .mapTo(Long.class).one();
 *     ctx.skipIf(todo == 0, "nothing to fix");
 *     int done = ctx.handle().execute("update users set theme = 'dark' where theme is null");
 *     ctx.log("updated {} of {} users", done, todo);
 * }
 * }</pre>
 */
public interface ScriptContext {

    /**
     * The context of the script running on this thread, for entry points other than
     * {@link Script} ({@code main}, {@code Runnable}, {@code Callable}, {@code CommandLineRunner}).
     *
     * @throws IllegalStateException when no tracked script runs on this thread
     */
    static ScriptContext current() {
        return CurrentContext.require();
    }

    /**
     * The context of the script running on this thread, if one does: for code that also runs outside
     * tracked scripts (a library, an integration) and behaves differently inside one.
     */
    static Optional<ScriptContext> find() {
        return CurrentContext.find();
    }

    /** The script being run. */
    ScriptDefinition definition();

    /** 1 for the first attempt of this script, then 2, 3, ... */
    int attempt();

    /** A JDBI handle inside the run's transaction (in {@link Transaction#NONE} mode: autocommit). */
    Handle handle();

    /** The JDBC connection of {@link #handle()}. Do not commit, roll back or close it. */
    Connection connection();

    /**
     * Logs a line, with SLF4J-style {@code {}} placeholders, to SLF4J and into the run's recorded
     * output (timestamped; the tail is kept when the output exceeds its bound).
     */
    void log(String message, Object... args);

    /** Reports progress; {@code total} may be 0 when unknown. */
    void progress(long done, long total);

    /**
     * Stops the run and records it {@code skipped} with the reason; the script's work so far is
     * rolled back (in {@link Transaction#SCRIPT} mode). Does not return.
     */
    void skip(String reason);

    /** {@link #skip(String)} when {@code condition} holds. */
    default void skipIf(boolean condition, String reason) {
        if (condition) {
            skip(reason);
        }
    }

    /**
     * Batches over a query, paged by its {@code order by} key (keyset pagination, never OFFSET). In
     * {@link Transaction#BATCH} mode each batch's work commits together with a checkpoint, and a run
     * that stopped resumes after its last committed batch. The {@code order by} columns must be
     * selected, unique together and never null; numbers, text, dates, timestamps and UUIDs work.
     * Work done outside the batches runs again when a run resumes: keep it read-only.
     *
     * <pre>{@code
     * ctx.batches("select id from users where theme is null order by id")
     *         .size(1_000).count()
     *         .forEach((batch, h) -> h.createUpdate("update users set theme = 'dark' where id in (<ids>)")
     *                 .bindList("ids", batch.ids()).execute());
     * }</pre>
     *
     * @throws IllegalArgumentException when the query has no usable {@code order by}
     */
    Batches<Row> batches(String keysetQuery);

    /** {@code batches(keysetQuery).size(batchSize).forEach(work)}. */
    default void batches(String keysetQuery, int batchSize, BatchWork<Row> work) {
        batches(keysetQuery).size(batchSize).forEach(work);
    }

    /** Batches over a list, checkpointed by position: a resumed run needs the same list. */
    <T> Batches<T> batches(java.util.List<T> items);

    /**
     * Batches over the records of a CSV file whose first line names the columns, checkpointed by
     * record number. Values are text. Typically {@code csvBatches(Path.of(ctx.requireParameter("file")))}.
     */
    Batches<Row> csvBatches(java.nio.file.Path file);

    /**
     * Parameters given to this run ({@code --param k=v} on the command line) as text; for a script that declares
     * a parameters record, with defaults and environment values filled in (secrets in clear: do not print them).
     */
    Map<String, String> parameters();

    /**
     * The run's parameters as the record the script declares in {@link TrackedScript#parameters()}: checked
     * and parsed before the run started, so the values are there and of their types.
     *
     * <pre>{@code
     * Params p = ctx.parameters(Params.class);
     * ctx.csvBatches(p.file()).size(500).forEach((batch, h) -> ...);
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code type} is not the record the script declares
     */
    <P extends Record> P parameters(Class<P> type);

    default Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters().get(name));
    }

    /**
     * The parameter's value.
     *
     * @throws IllegalArgumentException naming the parameter and how to pass it, when it is missing
     */
    default String requireParameter(String name) {
        return parameter(name).orElseThrow(() -> new IllegalArgumentException(
                "script " + definition().id() + " needs the parameter '" + name
                        + "'; pass it with --param " + name + "=VALUE"
                        + " (or RunOptions.withParameter(\"" + name + "\", value))"));
    }

    /** True when the run's work is rolled back at the end whatever happens. */
    boolean isDryRun();

    /**
     * Tells the run that the script wrote somewhere its transaction does not cover ({@code where}
     * names it: a connection of its own, another service). If the run then fails, its record says
     * that this work is not rolled back and may be partial, and the script waits for an explicit run.
     */
    void wroteOutsideItsTransaction(String where);

    /** True once the run has passed its timeout or was cancelled; long loops should stop. */
    boolean isCancelled();

    /** Throws {@link ScriptCancelledException} when {@link #isCancelled()}. */
    void checkCancelled();
}
