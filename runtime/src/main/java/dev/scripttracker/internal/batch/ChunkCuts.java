package dev.scripttracker.internal.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a source's {@code count} items are cut into {@code chunks} ranges: the first {@code longChunks}
 * hold {@code longStep} items each, the others {@code step}; the last range takes what is left.
 * Positions are item ordinals: a cut at {@code n} ends a range after the n-th item.
 */
public record ChunkCuts(long count, int chunks, int longChunks, long longStep, long step) {

    public ChunkCuts {
        if (chunks < 1 || longChunks < 0 || longChunks >= chunks || step < 1 || longStep < step) {
            throw new IllegalArgumentException("chunks " + chunks + ", long " + longChunks + ", steps " + longStep
                    + "/" + step);
        }
    }

    /** Where the long ranges end: the cuts up to here are {@code longStep} apart, those after {@code step}. */
    public long longRangesEnd() {
        return longChunks * longStep;
    }

    /** The cuts in order, fewer than {@link #chunks()} when the items run out first. */
    public List<Long> positions() {
        List<Long> cuts = new ArrayList<>();
        for (int i = 1; i < chunks; i++) {
            long cut = i <= longChunks ? i * longStep : longRangesEnd() + (i - longChunks) * step;
            if (cut >= count) {
                break;
            }
            cuts.add(cut);
        }
        return cuts;
    }
}
