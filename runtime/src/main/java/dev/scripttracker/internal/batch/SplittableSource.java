package dev.scripttracker.internal.batch;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** A source whose items can be cut into ranges that workers process apart, each from a position it saves. */
public interface SplittableSource<T> extends BatchSource<T> {

    /** How many items there are, from the first. */
    long countAll(Handle handle);

    /** The positions of the items, as they stand now, after which {@code cuts} cut them; in order. */
    List<String> boundaries(Handle handle, ChunkCuts cuts);

    /**
     * A new source over the items after {@code startAfter} ({@code ""}: from the first) up to and including
     * {@code endAt} (null: to the end, items added later included), with this one's bindings.
     */
    BatchSource<T> range(String startAfter, String endAt);
}
