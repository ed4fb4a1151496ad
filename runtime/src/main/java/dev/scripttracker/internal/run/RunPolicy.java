package dev.scripttracker.internal.run;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.batch.Checkpoint;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore.Resume;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * "Never twice by accident": whether a script may run now, given its recorded state and whether
 * someone asked for it by id; and whether that run continues an earlier one.
 */
final class RunPolicy {

    private static final Set<ScriptStatus> UNFINISHED = EnumSet.of(ScriptStatus.FAILED, ScriptStatus.TIMED_OUT,
            ScriptStatus.INTERRUPTED, ScriptStatus.CANCELLED);

    private final int maxConsecutiveFailures;

    RunPolicy(int maxConsecutiveFailures) {
        this.maxConsecutiveFailures = maxConsecutiveFailures;
    }

    /** Empty when the script should run; otherwise why not. */
    Optional<Refusal> refusal(Optional<StateRow> recorded, boolean explicit, boolean force) {
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        StateRow row = recorded.get();
        ScriptStatus status = row.status();
        if (status == ScriptStatus.PENDING || status == ScriptStatus.ROLLED_BACK) {
            return Optional.empty();
        }
        if (status.isDone()) {
            return force ? Optional.empty() : Optional.of(new Refusal(RunOutcome.ALREADY_DONE,
                    "already " + status.label() + " (attempt " + row.attempt() + " by " + row.executedBy() + " at "
                            + row.finishedAt() + "); run it again with --force if you really mean to"));
        }
        if (explicit) {
            return Optional.empty();
        }
        if (status == ScriptStatus.CANCELLED) {
            return needsExplicitRun("it was cancelled");
        }
        if (row.mode() == Transaction.NONE) {
            return needsExplicitRun("its last run (" + status.label() + ") did work outside a transaction (it ran"
                    + " without one, or wrote through connections of its own) and may have left partial effects;"
                    + " check the data, then run it by id");
        }
        if (row.consecutiveFailures() >= maxConsecutiveFailures) {
            return needsExplicitRun("it did not succeed " + row.consecutiveFailures()
                    + " times in a row; fix the cause, then run it by id");
        }
        return Optional.empty();
    }

    /**
     * A run continues an earlier {@code BATCH} attempt only if that one stopped before the end (failed,
     * timed out, interrupted or cancelled); one that succeeded or was rolled back starts afresh. The items
     * done come from the checkpoint, which commits with the batches, not from the progress column, which
     * the heartbeat also writes.
     */
    static Resume resumeOf(ScriptDefinition script, Optional<StateRow> row) {
        return row.filter(r -> script.transaction() == Transaction.BATCH && r.mode() == Transaction.BATCH)
                .filter(r -> UNFINISHED.contains(r.status()) && r.checkpoint() != null)
                .map(r -> new Resume(r.checkpoint(), Checkpoint.decode(r.checkpoint()).done()))
                .orElse(Resume.NONE);
    }

    private static Optional<Refusal> needsExplicitRun(String why) {
        return Optional.of(new Refusal(RunOutcome.NEEDS_EXPLICIT_RUN, "not run automatically: " + why));
    }

    record Refusal(RunOutcome outcome, String message) {
    }
}
