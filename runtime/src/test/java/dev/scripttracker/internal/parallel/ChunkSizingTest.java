package dev.scripttracker.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.internal.batch.ChunkCuts;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkSizingTest {

    @ParameterizedTest(name = "{0} items in batches of {1}, {2} workers")
    @CsvSource({"20000, 100, 1", "20000, 100, 2", "20000, 100, 4", "20000, 100, 8", "1000000, 1000, 4",
            "1000000, 1000, 3", "5000, 50, 4", "5001, 50, 4", "4999, 50, 7", "1000, 50, 64", "123457, 10, 64",
            "100000000, 1000, 64"})
    void chunksAreAMultipleOfTheWorkers_ofWholeBatches_differingByOneBatchAtMost(long count, int size, int workers) {
        ChunkCuts cuts = ChunkSizing.cuts(count, size, workers);
        List<Long> batchesPerRange = batchesPerRange(cuts, size);

        assertEquals(cuts.chunks(), batchesPerRange.size(), "one range per chunk");
        long batches = batches(count, size);
        assertEquals(0, batchesPerRange.size() % (batches < workers ? batches : workers),
                batchesPerRange.size() + " chunks for " + workers + " workers");
        assertTrue(batchesPerRange.size() >= Math.min(ChunkSizing.CHUNKS_PER_WORKER * workers, batches),
                "several chunks per worker: " + batchesPerRange.size());
        assertTrue(batchesPerRange.size() <= ChunkSizing.MAX_CHUNKS, batchesPerRange.size() + " chunks");
        LongSummaryStatistics sizes = batchesPerRange.stream().mapToLong(Long::longValue).summaryStatistics();
        assertTrue(sizes.getMax() - sizes.getMin() <= 1, "sizes in batches " + sizes);
        assertEquals(batches, sizes.getSum(), "every batch in one chunk");
    }

    @Test
    void fewerBatchesThanWorkers_giveOneChunkPerBatch() {
        ChunkCuts cuts = ChunkSizing.cuts(130, 50, 8);

        assertEquals(List.of(50L, 100L), cuts.positions());
    }

    @Test
    void noItems_giveOneChunkAndNoCut() {
        ChunkCuts cuts = ChunkSizing.cuts(0, 50, 4);

        assertEquals(1, cuts.chunks());
        assertEquals(List.of(), cuts.positions());
    }

    /** The batches of each range between the cuts; the last range's short batch counts as one. */
    private static List<Long> batchesPerRange(ChunkCuts cuts, int size) {
        List<Long> ranges = new ArrayList<>();
        long start = 0;
        for (long cut : cuts.positions()) {
            assertEquals(0, (cut - start) % size, "cut " + cut + " after whole batches");
            ranges.add((cut - start) / size);
            start = cut;
        }
        ranges.add(batches(cuts.count() - start, size));
        return ranges;
    }

    private static long batches(long count, int size) {
        return (count + size - 1) / size;
    }
}
