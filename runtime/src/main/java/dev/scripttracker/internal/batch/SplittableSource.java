package dev.scripttracker.internal.batch;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** A source whose items can be cut into ranges that workers process apart, each from a position it saves. */
public interface SplittableSource<T> extends BatchSource<T> {

    /** How many items there are, from the first. */
    long countAll(Handle handle);

    /**
     * Positions that cut the items as they stand now into ranges of {@code step} items (the last may hold
     * fewer), in order: the positions after item {@code step}, {@code 2 * step}, ..., none at the very end.
     *
     * @param count what {@link #countAll} found
     */
    List<String> boundaries(Handle handle, long count, long step);

    /**
     * A new source over the items after {@code startAfter} ({@code ""}: from the first) up to and including
     * {@code endAt} (null: to the end, items added later included), with this one's bindings.
     */
    BatchSource<T> range(String startAfter, String endAt);
}
