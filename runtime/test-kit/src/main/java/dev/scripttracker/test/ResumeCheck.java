package dev.scripttracker.test;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import dev.scripttracker.test.internal.BatchFault;
import dev.scripttracker.test.internal.DatabaseSnapshot;
import dev.scripttracker.test.internal.IsolatedDatabase;
import dev.scripttracker.test.internal.SnapshotRestore;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/** {@link ScriptUnderTest#assertResumable(int)}: a failed batch and a resume must end as one clean run. */
final class ResumeCheck {

    private final ScriptUnderTest script;
    private final ScriptKit kit;

    ResumeCheck(ScriptUnderTest script, ScriptKit kit) {
        this.script = script;
        this.kit = kit;
    }

    ScriptRun assertResumable(int failAtBatch) {
        requireBatchMode();
        BatchFault fault = new BatchFault(failAtBatch);
        DatabaseSnapshot start = kit.snapshot();
        ScriptRun failed = script.runWith(fault);
        requireFired(fault, failed);
        String which = "assertResumable: the run ";
        ScriptUnderTest.requireOutcome(failed, Set.of(RunOutcome.FAILED), which + "that failed at batch " + failAtBatch);
        ScriptRun resumed = script.run();
        ScriptUnderTest.requireOutcome(resumed, Set.of(RunOutcome.SUCCEEDED), which + "after the failure at batch "
                + failAtBatch);
        DatabaseSnapshot resumedEnd = kit.snapshot();
        SnapshotRestore.restore(kit.database(), start, IsolatedDatabase::isTrackerTable);
        ScriptRun clean = script.runForced();
        ScriptUnderTest.requireOutcome(clean, Set.of(RunOutcome.SUCCEEDED), which + "on the start data, cleanly");
        requireSameEnd(DataChanges.between(kit.snapshot(), resumedEnd).ignoring(script.ignoredColumns()), failAtBatch);
        return resumed;
    }

    private void requireBatchMode() {
        Transaction mode = script.scriptClass().getAnnotation(TrackedScript.class).transaction();
        if (mode != Transaction.BATCH) {
            throw new AssertionFailedError("assertResumable: " + script.id() + " has transaction = " + mode
                    + ", so it does not resume: only transaction = Transaction.BATCH scripts commit batch by batch"
                    + " and resume");
        }
    }

    private void requireFired(BatchFault fault, ScriptRun failed) {
        if (!fault.fired()) {
            int batches = fault.checkpointsSeen();
            throw new AssertionFailedError("assertResumable: " + script.id() + " was to fail at batch "
                    + fault.failAtBatch() + ", but it committed only " + batches + " batches and ended "
                    + failed.outcome() + (batches == 0 ? "; it ran no ctx.batches(...) loop on its own connection"
                    + " (a loop with workers(n) is not covered)" : "; choose failAtBatch from 1 to " + batches)
                    + "\n" + failed.describe());
        }
    }

    private void requireSameEnd(DataChanges difference, int failAtBatch) {
        if (!difference.isEmpty()) {
            throw new AssertionFailedError(script.id() + " does not resume correctly: failing at batch " + failAtBatch
                    + " and running again left " + DataChanges.rows(difference.rowsChanged()) + " different from one"
                    + " clean run on the same start data (from the clean run's end state to the resumed run's):\n"
                    + difference.describe() + "\nWork outside ctx.batches(...) runs again on resume, and a batch's"
                    + " work must use its handle and only its batch's items.", 0, difference.rowsChanged());
        }
    }
}
