package dev.scripttracker;

import dev.scripttracker.internal.batch.BatchLoops;
import dev.scripttracker.internal.batch.BatchPlan;
import dev.scripttracker.internal.batch.BatchSource;
import dev.scripttracker.internal.batch.BatchesAccess;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A loop over batches, from {@link ScriptContext#batches(String)}, {@link ScriptContext#batches(java.util.List)}
 * or {@link ScriptContext#csvBatches(java.nio.file.Path)}. In {@link Transaction#BATCH} mode each batch's work
 * commits together with a checkpoint, so a run that stops (failure, timeout, kill, {@code cancel}) resumes
 * after its last committed batch and no item is processed twice.
 *
 * <pre>{@code
 * ctx.batches("select id, email from users where email <> lower(email) order by id")
 *         .size(500)
 *         .count()                                         // total for progress and ETA
 *         .pauseBetween(Duration.ofMillis(50))             // spare the primary
 *         .throttleWhile(() -> replicaLagSeconds() > 5, Duration.ofSeconds(30))
 *         .forEach((batch, h) -> {
 *             for (Row row : batch.items()) { ... }
 *         });
 * }</pre>
 *
 * @param <T> what a batch holds
 */
public final class Batches<T> {

    /** The batch size when none is given. */
    public static final int DEFAULT_SIZE = 1_000;

    private final BatchSource<T> source;
    private final BatchLoops loops;
    private BatchPlan plan = BatchPlan.defaults(DEFAULT_SIZE);

    static {
        BatchesAccess.install(new BatchesAccess.Factory() {
            @Override
            public <T> Batches<T> create(BatchSource<T> source, BatchLoops loops) {
                return new Batches<>(source, loops);
            }
        });
    }

    /** Scripts get theirs from the {@link ScriptContext}. */
    private Batches(BatchSource<T> source, BatchLoops loops) {
        this.source = source;
        this.loops = loops;
    }

    /** Items per batch, at least 1 (default {@value #DEFAULT_SIZE}). */
    public Batches<T> size(int itemsPerBatch) {
        if (itemsPerBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + itemsPerBatch
                    + "; pass a positive number of items per batch, e.g. size(1000)");
        }
        plan = plan.withSize(itemsPerBatch);
        return this;
    }

    /** Binds a named parameter ({@code :name}) of the batch query. */
    public Batches<T> bind(String name, Object value) {
        source.bind(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /** Counts the items before the first batch, for progress and ETA (one extra query). */
    public Batches<T> count() {
        plan = plan.withCount();
        return this;
    }

    /** An estimate of the items, for progress and ETA, when counting them would cost too much. */
    public Batches<T> total(long estimate) {
        if (estimate < 0) {
            throw new IllegalArgumentException("total must not be negative, was " + estimate);
        }
        plan = plan.withTotal(estimate);
        return this;
    }

    /** Waits this long after each batch, to leave the database room for other work. */
    public Batches<T> pauseBetween(Duration pause) {
        if (pause.isNegative()) {
            throw new IllegalArgumentException("pause must not be negative, was " + pause);
        }
        plan = plan.withPause(pause);
        return this;
    }

    /**
     * Before each batch, waits while {@code condition} holds (replication lag, load), checking again
     * after 100 ms, then twice as long each time up to {@code maxBackoff}. Cancellation and the
     * timeout still stop the script while it waits.
     */
    public Batches<T> throttleWhile(BooleanSupplier condition, Duration maxBackoff) {
        if (maxBackoff.isNegative() || maxBackoff.isZero()) {
            throw new IllegalArgumentException("maxBackoff must be positive, was " + maxBackoff);
        }
        plan = plan.withThrottle(Objects.requireNonNull(condition, "condition"), maxBackoff);
        return this;
    }

    /**
     * Runs {@code work} for each batch, in order.
     *
     * @return how many items the loop has processed, earlier attempts of a resumed run included
     */
    public long forEach(BatchWork<T> work) {
        return loops.run(source, plan, Objects.requireNonNull(work, "work"));
    }
}
