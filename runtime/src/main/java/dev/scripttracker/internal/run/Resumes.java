package dev.scripttracker.internal.run;

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
 * Whether a run continues an earlier {@code BATCH} attempt: only one that stopped before the end
 * (failed, timed out, interrupted or cancelled). A script that succeeded or was rolled back starts
 * afresh when it runs again. The items done come from the checkpoint, which commits with the batches,
 * not from the progress column, which the heartbeat also writes.
 */
final class Resumes {

    private static final Set<ScriptStatus> UNFINISHED = EnumSet.of(ScriptStatus.FAILED, ScriptStatus.TIMED_OUT,
            ScriptStatus.INTERRUPTED, ScriptStatus.CANCELLED);

    private Resumes() {
    }

    static Resume of(ScriptDefinition script, Optional<StateRow> row) {
        return row.filter(r -> script.transaction() == Transaction.BATCH && r.mode() == Transaction.BATCH)
                .filter(r -> UNFINISHED.contains(r.status()) && r.checkpoint() != null)
                .map(r -> new Resume(r.checkpoint(), Checkpoint.decode(r.checkpoint()).done()))
                .orElse(Resume.NONE);
    }
}
