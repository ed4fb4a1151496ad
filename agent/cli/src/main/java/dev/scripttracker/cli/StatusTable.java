package dev.scripttracker.cli;

import dev.scripttracker.ScriptState;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The status as a table for a terminal, one script per line; stored text is shown with its control characters escaped. */
final class StatusTable {

    private static final String FORMAT = "%-44s %-12s %8s  %-20s %9s  %-24s %-16s  %s%n";
    static final String CODE_CHANGED = "[code changed]";
    static final String LEGEND = CODE_CHANGED + ": the code on the class path differs from the code the script ran"
            + " when it succeeded (CODE is that code's checksum); it does not run again on its own. Review the"
            + " change; script-tracker run ID --force runs the new code.";
    static final String CODE_CHANGED_MIDWAY = "[code changed mid-way]";
    static final String LEGEND_MIDWAY = CODE_CHANGED_MIDWAY + ": a BATCH script stopped mid-way and its code changed"
            + " since; it is not resumed until run with --force (resume with the new code) or --restart (from the"
            + " first batch).";

    private StatusTable() {
    }

    static void write(List<ScriptState> states, PrintWriter out) {
        out.printf(FORMAT, "ID", "STATUS", "ATTEMPTS", "LAST RUN (UTC)", "DURATION", "BY", "CODE", "DETAIL");
        for (ScriptState state : states) {
            out.printf(FORMAT, VisibleText.of(state.id()), state.status().label(), state.attempts(),
                    time(lastRun(state)), state.duration() == null ? "-" : state.duration().toMillis() + " ms",
                    VisibleText.of(state.executedBy()), shortChecksum(state.codeChecksum()), detail(state));
        }
        if (states.stream().anyMatch(ScriptState::codeChangedSinceSuccess)) {
            out.println(LEGEND);
        }
        if (states.stream().anyMatch(StatusTable::changedMidway)) {
            out.println(LEGEND_MIDWAY);
        }
    }

    /** The first 16 hex digits of a checksum, enough to tell two builds apart; "-" when none was recorded. */
    static String shortChecksum(String checksum) {
        return checksum == null ? "-" : VisibleText.of(checksum.substring(0, Math.min(16, checksum.length())));
    }

    private static boolean changedMidway(ScriptState state) {
        return state.codeChanged() && state.checkpoint() != null && !state.status().isDone()
                && state.status() != dev.scripttracker.ScriptStatus.RUNNING;
    }

    private static Instant lastRun(ScriptState state) {
        return state.finishedAt() != null ? state.finishedAt() : state.startedAt();
    }

    static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
                .replace("Z", "");
    }

    private static String detail(ScriptState state) {
        StringBuilder detail = new StringBuilder();
        if (state.unreadable() != null) {
            detail.append(unreadable(state.unreadable())).append(' ');
        }
        if (state.codeChangedSinceSuccess()) {
            detail.append(CODE_CHANGED).append(" (now ").append(shortChecksum(state.currentCodeChecksum())).append(") ");
        }
        if (changedMidway(state)) {
            detail.append(CODE_CHANGED_MIDWAY).append(" (now ").append(shortChecksum(state.currentCodeChecksum()))
                    .append(") ");
        }
        if (state.isOrphaned()) {
            detail.append("[no longer in the code] ");
        }
        if (state.needsExplicitRun()) {
            detail.append("[waits for: run ").append(VisibleText.of(state.id())).append("] ");
        }
        if (state.cancelRequestedBy() != null) {
            detail.append("[cancel requested by ").append(VisibleText.of(state.cancelRequestedBy())).append("] ");
        }
        String progress = state.progress().describe();
        if (!progress.isEmpty()) {
            detail.append(progress).append(' ');
        }
        if (state.errorMessage() != null) {
            detail.append(VisibleText.of(state.errorMessage(), 120));
        }
        return detail.toString().trim();
    }

    /** What a row holds that this version cannot read, e.g. {@code [unreadable: status 'bogus'; fix the row]}. */
    static String unreadable(String what) {
        return "[unreadable: " + VisibleText.of(what) + "; fix the row or delete it]";
    }
}
