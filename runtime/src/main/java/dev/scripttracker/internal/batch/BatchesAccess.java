package dev.scripttracker.internal.batch;

import dev.scripttracker.Batches;

/**
 * Creates the public {@link Batches} over an internal source and loop. {@code Batches} has no public
 * constructor, so that its signature shows no internal type; it hands this class its factory when it
 * is initialized.
 */
public final class BatchesAccess {

    /** How {@link Batches} creates itself. */
    public interface Factory {
        <T> Batches<T> create(BatchSource<T> source, BatchLoops loops);
    }

    private static volatile Factory factory;

    private BatchesAccess() {
    }

    /** Called once, by {@link Batches} itself. */
    public static void install(Factory batchesFactory) {
        factory = batchesFactory;
    }

    public static <T> Batches<T> batches(BatchSource<T> source, BatchLoops loops) {
        if (factory == null) {
            initialize();
        }
        return factory.create(source, loops);
    }

    private static void initialize() {
        try {
            Class.forName(Batches.class.getName(), true, Batches.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the runtime's own Batches class is missing", e);
        }
    }
}
