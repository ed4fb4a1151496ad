package dev.scripttracker.internal.batch;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Where a batch loop's items come from, read one batch at a time from a position it can save. */
public interface BatchSource<T> {

    /** What the loop iterates over, for log lines and errors. */
    String describe();

    /**
     * What makes this source this one (the query and its bindings, the list's size, the file): a
     * resumed run must find the same, or its checkpoint does not apply.
     */
    String identity();

    default void bind(String name, Object value) {
        throw new IllegalStateException("bind(\"" + name + "\", ...) applies to a batch query's :parameters;"
                + " " + describe() + " has none");
    }

    /** Checks the source before any batch runs (file exists, query has a usable key order). */
    default void validate(Handle handle) {
    }

    /** Continues after a position that {@link #position()} returned in an earlier attempt. */
    void resumeAfter(String position);

    /** The next items, at most {@code size}; empty at the end. */
    List<T> next(Handle handle, int size);

    /** The position after the last item {@link #next} returned, to save in a checkpoint. */
    String position();

    /** How many items are left after the current position. */
    long countRemaining(Handle handle);
}
