package dev.scripttracker.reliability;

import java.util.Random;

/**
 * How hard the crash test pushes: {@code -Dreliability.kills=100} for the long version (see
 * RELIABILITY.md), {@code -Dreliability.seed=...} to replay the kill schedule of an earlier run (the
 * same order and draws; mid-run delays are scaled by the work left, so the timing still varies). The
 * rows grow with the kills so that the kills never use up the work before the final run.
 *
 * @param holdMillis how long each batch keeps its transaction open after its update
 */
record CrashSettings(int kills, int rows, int batchSize, long holdMillis, long seed) {

    static final int CI_KILLS = 20;
    private static final int MIN_ROWS = 30_000;
    private static final int ROWS_PER_KILL = 1_500;

    static CrashSettings fromSystemProperties() {
        int kills = Integer.getInteger("reliability.kills", CI_KILLS);
        if (kills < 2) {
            throw new IllegalArgumentException("reliability.kills must be at least 2 (one kill right at start, one"
                    + " in the middle of the run), not " + kills);
        }
        long seed = Long.getLong("reliability.seed", new Random().nextLong());
        return new CrashSettings(kills, Math.max(MIN_ROWS, kills * ROWS_PER_KILL), 250, 10, seed);
    }

    /** Batches of a whole run; the last may be short. */
    long batches() {
        return (rows + batchSize - 1) / batchSize;
    }
}
