package dev.scripttracker.reliability;

import dev.scripttracker.internal.batch.Checkpoint;
import java.util.OptionalLong;

/**
 * What one kill of the crash test hit, as the database and the child's output show it afterwards.
 *
 * @param attempt the attempt the killed JVM had recorded {@code running}; 0 when it recorded none
 * @param checkpoint the attempt's last committed checkpoint when it was killed; null when none
 */
record CrashKill(int number, CrashKillPlan.Moment moment, long delayMillis, int exitCode, Landing landing,
        int attempt, String checkpoint) {

    enum Landing {
        BEFORE_RUN("before its run was recorded (no attempt, no history row)"),
        BEFORE_FIRST_BATCH("after its run was recorded, before its first batch"),
        IN_BATCH("inside a batch's transaction: work begun, not committed"),
        BETWEEN_BATCHES("between batches: right after a commit");

        private final String description;

        Landing(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }

        /**
         * Where a kill landed in an attempt that was recorded running: compares the last batch the JVM
         * began with the last one the database committed.
         */
        static Landing inRun(OptionalLong lastBatchBegun, String committedCheckpoint) {
            long committed = committedCheckpoint == null ? 0 : Checkpoint.decode(committedCheckpoint).batch();
            if (lastBatchBegun.isEmpty()) {
                return BEFORE_FIRST_BATCH;
            }
            return lastBatchBegun.getAsLong() > committed ? IN_BATCH : BETWEEN_BATCHES;
        }
    }

    boolean attemptRecorded() {
        return attempt > 0;
    }

    @Override
    public String toString() {
        return "kill " + number + " (" + moment + ", " + delayMillis + " ms, exit " + exitCode + "): " + landing
                + (attemptRecorded() ? " of attempt " + attempt + " at " + checkpoint : "");
    }
}
