package dev.scripttracker.cli;

import dev.scripttracker.ScriptState;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The status as a table for a terminal, one script per line; stored text is shown with its control characters escaped. */
final class StatusTable {

    private static final String FORMAT = "%-44s %-12s %8s  %-20s %9s  %-24s %s%n";

    private StatusTable() {
    }

    static void write(List<ScriptState> states, PrintWriter out) {
        out.printf(FORMAT, "ID", "STATUS", "ATTEMPTS", "LAST RUN (UTC)", "DURATION", "BY", "DETAIL");
        for (ScriptState state : states) {
            out.printf(FORMAT, VisibleText.of(state.id()), state.status().label(), state.attempts(),
                    time(lastRun(state)), state.duration() == null ? "-" : state.duration().toMillis() + " ms",
                    VisibleText.of(state.executedBy()), detail(state));
        }
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
