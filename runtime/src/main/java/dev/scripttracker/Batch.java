package dev.scripttracker;

import java.util.ArrayList;
import java.util.List;

/**
 * One batch of items, handed to {@link BatchWork}.
 *
 * <pre>{@code
 * ctx.batches("select id from users where theme is null order by id", 1_000, (batch, h) ->
 *         h.createUpdate("update users set theme = 'dark' where id in (<ids>)")
 *                 .bindList("ids", batch.ids()).execute());
 * }</pre>
 *
 * @param number 1 for the first batch of the loop; a resumed run goes on counting
 * @param itemsBefore how many items earlier batches of the loop processed, earlier attempts included
 * @param items the batch's items, never empty
 */
public record Batch<T>(long number, long itemsBefore, List<T> items) {

    public Batch {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    /**
     * The key of each item, for {@code bindList}: a query's first {@code order by} column, a CSV
     * file's first column, or the items themselves for a list.
     */
    public List<Object> ids() {
        List<Object> ids = new ArrayList<>(items.size());
        for (T item : items) {
            ids.add(item instanceof Row row ? row.key() : item);
        }
        return ids;
    }
}
