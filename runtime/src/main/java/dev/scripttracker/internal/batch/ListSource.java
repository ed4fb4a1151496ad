package dev.scripttracker.internal.batch;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The items of an in-memory list, checkpointed by position. */
public final class ListSource<T> implements SplittableSource<T> {

    private final List<T> items;
    private int next;
    /** Where this source's range ends, exclusive. */
    private int end;

    public ListSource(List<T> items) {
        this.items = List.copyOf(items);
        this.end = this.items.size();
    }

    @Override
    public String describe() {
        return "a list of " + items.size() + " items";
    }

    @Override
    public String identity() {
        return "list:" + items.size();
    }

    @Override
    public void resumeAfter(String position) {
        next = position.isEmpty() ? 0 : Integer.parseInt(position);
        if (next > items.size()) {
            throw new IllegalStateException("the run resumes after item " + next + " but the list now has only "
                    + items.size() + " items: the list changed since the earlier attempt; run it with --restart to"
                    + " start over");
        }
    }

    @Override
    public List<T> next(Handle handle, int size) {
        int from = next;
        next = Math.min(end, from + size);
        return items.subList(from, next);
    }

    @Override
    public String position() {
        return Integer.toString(next);
    }

    @Override
    public long countRemaining(Handle handle) {
        return end - next;
    }

    @Override
    public long countAll(Handle handle) {
        return items.size();
    }

    /** Positions are item counts: a range after {@code a} up to {@code b} holds items {@code a} to {@code b - 1}. */
    @Override
    public List<String> boundaries(Handle handle, ChunkCuts cuts) {
        return cuts.positions().stream().map(String::valueOf).toList();
    }

    @Override
    public BatchSource<T> range(String startAfter, String endAt) {
        ListSource<T> range = new ListSource<>(items);
        range.resumeAfter(startAfter);
        range.end = endAt == null ? items.size() : Math.min(items.size(), Integer.parseInt(endAt));
        return range;
    }
}
