package dev.scripttracker.cli;

import dev.scripttracker.ScriptState;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The status as a table for a terminal, one script per line. */
final class StatusTable {

    private static final String FORMAT = "%-44s %-12s %8s  %-20s %9s  %-24s %s%n";

    private StatusTable() {
    }

    static void write(List<ScriptState> states, PrintWriter out) {
        out.printf(FORMAT, "ID", "STATUS", "ATTEMPTS", "LAST RUN (UTC)", "DURATION", "BY", "DETAIL");
        for (ScriptState state : states) {
            out.printf(FORMAT, state.id(), state.status().label(), state.attempts(), time(lastRun(state)),
                    state.duration() == null ? "-" : state.duration().toMillis() + " ms",
                    state.executedBy() == null ? "-" : state.executedBy(), detail(state));
        }
    }

    private static Instant lastRun(ScriptState state) {
        return state.finishedAt() != null ? state.finishedAt() : state.startedAt();
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
                .replace("Z", "");
    }

    private static String detail(ScriptState state) {
        StringBuilder detail = new StringBuilder();
        if (state.isOrphaned()) {
            detail.append("[no longer in the code] ");
        }
        if (state.needsExplicitRun()) {
            detail.append("[waits for: run ").append(state.id()).append("] ");
        }
        if (state.cancelRequestedBy() != null) {
            detail.append("[cancel requested by ").append(state.cancelRequestedBy()).append("] ");
        }
        String progress = state.progress().describe();
        if (!progress.isEmpty()) {
            detail.append(progress).append(' ');
        }
        if (state.errorMessage() != null) {
            String message = state.errorMessage().replace('\n', ' ');
            detail.append(message.length() > 120 ? message.substring(0, 117) + "..." : message);
        }
        return detail.toString().trim();
    }
}
