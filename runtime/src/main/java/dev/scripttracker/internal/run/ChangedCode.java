package dev.scripttracker.internal.run;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore.Resume;
import java.util.Optional;

/**
 * What a change of a script's code since its last recorded attempt means for a run now: a warning, or,
 * for a {@code BATCH} script that would resume mid-way, a refusal until someone chooses how to go on.
 * An unknown checksum (an attempt that predates checksums, an unreadable class file) is never a change.
 */
final class ChangedCode {

    /** Checksums are shown by their first 16 hex digits in messages, as in the status table. */
    static final int SHOWN_DIGITS = 16;

    private ChangedCode() {
    }

    /** E.g. "its code changed since attempt 2 (that attempt ran code 1f2e..., the class path has 9a8b...)"; empty when unchanged. */
    static Optional<String> since(Optional<StateRow> row, String current) {
        return row.filter(r -> r.codeChecksum() != null && current != null && !r.codeChecksum().equals(current))
                .map(r -> "its code changed since attempt " + r.attempt() + " (" + r.status().label() + "): that attempt"
                        + " ran code " + shown(r.codeChecksum()) + ", the class path now has " + shown(current));
    }

    /**
     * A run that would resume a {@code BATCH} attempt whose code differs is refused unless it is forced: the
     * batches left would run other code than the batches committed.
     */
    static Optional<RunResult> refusal(ScriptDefinition script, Optional<StateRow> row, String current, Resume resume,
            RunOptions options) {
        if (resume.checkpoint() == null || options.force() || options.dryRun()) {
            return Optional.empty();
        }
        return since(row, current).map(change -> RunResult.notRun(script.id(), RunOutcome.CODE_CHANGED,
                "not resumed: script " + script.id() + " stopped mid-way, after " + resume.done() + " items (checkpoint "
                        + resume.checkpoint() + "), and " + change + ". Its remaining batches would run other code"
                        + " than the batches already committed. Nothing was run. To resume after the last committed"
                        + " batch with the new code: run " + script.id() + " --force. To start again from the first"
                        + " batch (what was committed is processed again): run " + script.id() + " --restart."));
    }

    static String shown(String checksum) {
        return checksum.substring(0, Math.min(SHOWN_DIGITS, checksum.length()));
    }
}
