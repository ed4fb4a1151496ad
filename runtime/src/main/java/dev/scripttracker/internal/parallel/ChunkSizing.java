package dev.scripttracker.internal.parallel;

import dev.scripttracker.internal.batch.ChunkCuts;

/**
 * How a parallel loop's items are cut into chunks. Chunks hold whole batches, so a chunk's last batch
 * ends at its end and marks it done in its own commit. Their number is a multiple of the workers and
 * their sizes differ by one batch at most, so that workers that go at the same pace finish together;
 * several chunks per worker let a fast worker take over the work of a slow or dead one near the end.
 */
final class ChunkSizing {

    /** Chunks per worker at least. */
    static final int CHUNKS_PER_WORKER = 4;
    /** Batches per chunk aimed at once there are enough, so that claiming stays a small part of a chunk's work. */
    static final int BATCHES_PER_CHUNK = 8;
    static final int MAX_CHUNKS = 10_000;

    private ChunkSizing() {
    }

    static ChunkCuts cuts(long count, int batchSize, int workers) {
        long batches = Math.max(1, (count + batchSize - 1) / batchSize);
        long chunks = batches <= workers ? batches : chunksPerWorker(batches, workers) * workers;
        long batchesPerChunk = batches / chunks;
        int longChunks = (int) (batches % chunks);
        return new ChunkCuts(count, (int) chunks, longChunks, (batchesPerChunk + 1) * batchSize,
                batchesPerChunk * batchSize);
    }

    private static long chunksPerWorker(long batches, int workers) {
        long perWorker = Math.max(CHUNKS_PER_WORKER, batches / ((long) workers * BATCHES_PER_CHUNK));
        return Math.min(Math.min(perWorker, MAX_CHUNKS / workers), batches / workers);
    }
}
