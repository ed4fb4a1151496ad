package dev.scripttracker.reliability;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.internal.batch.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One kill of the crash test: when it was drawn, and what the killed JVM had printed. Where it landed
 * is read later from the history, which the next run writes once the server has ended the dead
 * JVM's sessions: a statement the JVM sent just before it died (its start, a batch's commit) may
 * still take effect after it is gone, so the database read at the moment of the kill is not the end
 * of the story.
 *
 * @param child the killed JVM's name, recorded as the operator of the attempt it ran, if any
 * @param lastBatchBegun the last batch whose work it began; empty when it began none
 * @param killedAt when the SIGKILL was sent
 */
record CrashKill(int number, CrashKillPlan.Moment moment, long delayMillis, int exitCode, String child,
        OptionalLong lastBatchBegun, Instant killedAt) {

    enum Landing {
        BEFORE_RUN("before its run was recorded (no attempt, no history row)"),
        BEFORE_FIRST_BATCH("after its run was recorded, before its first batch"),
        IN_BATCH("inside a batch: its work begun, its commit not done"),
        BETWEEN_BATCHES("between batches: after a commit, before the next batch's work");

        private final String description;

        Landing(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** The attempt this JVM ran, as the next run recorded it; empty when it died before recording one. */
    Optional<HistoryEntry> attemptIn(List<HistoryEntry> history) {
        return history.stream().filter(h -> h.executedBy().equals(child)).findFirst();
    }

    /** Compares the last batch the JVM began with the last one its attempt committed. */
    Landing landingIn(List<HistoryEntry> history) {
        Optional<HistoryEntry> attempt = attemptIn(history);
        if (attempt.isEmpty()) {
            return Landing.BEFORE_RUN;
        }
        if (lastBatchBegun.isEmpty()) {
            return Landing.BEFORE_FIRST_BATCH;
        }
        return lastBatchBegun.getAsLong() > committedBatch(attempt.get()) ? Landing.IN_BATCH : Landing.BETWEEN_BATCHES;
    }

    static long committedBatch(HistoryEntry attempt) {
        return attempt.checkpoint() == null ? 0 : Checkpoint.decode(attempt.checkpoint()).batch();
    }

    @Override
    public String toString() {
        return "kill " + number + " of " + child + " (" + moment + ", " + delayMillis + " ms, exit " + exitCode
                + "), last batch begun: " + (lastBatchBegun.isPresent() ? lastBatchBegun.getAsLong() : "none");
    }
}
