package dev.scripttracker;

import org.jdbi.v3.core.Handle;

/**
 * The work done for one batch. In {@link Transaction#BATCH} mode it runs in the batch's
 * transaction, which commits together with the batch's checkpoint.
 *
 * @param <T> what the batch holds: {@link Row}s of a query or a CSV file, or the items of a list
 */
@FunctionalInterface
public interface BatchWork<T> {

    /**
     * @param handle the script's handle, inside the batch's transaction; do not commit or roll back
     */
    void process(Batch<T> batch, Handle handle) throws Exception;
}
