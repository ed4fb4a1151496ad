package dev.scripttracker.cli;

import dev.scripttracker.HistoryEntry;
import java.io.PrintWriter;
import java.util.List;

/** A script's attempts as a table, oldest first; stored text is shown with its control characters escaped. */
final class HistoryTable {

    private static final String FORMAT = "%7s  %-8s %-12s %-20s %9s  %-24s %s%n";

    private HistoryTable() {
    }

    static void write(List<HistoryEntry> attempts, PrintWriter out) {
        out.printf(FORMAT, "ATTEMPT", "ACTION", "STATUS", "STARTED (UTC)", "DURATION", "BY", "DETAIL");
        attempts.forEach(entry -> out.printf(FORMAT, entry.attempt(), VisibleText.of(entry.action()),
                entry.status().label(), StatusTable.time(entry.startedAt()), entry.duration().toMillis() + " ms",
                VisibleText.of(entry.executedBy()), detail(entry)));
    }

    private static String detail(HistoryEntry entry) {
        StringBuilder detail = new StringBuilder();
        if (entry.unreadable() != null) {
            detail.append(StatusTable.unreadable(entry.unreadable())).append(' ');
        }
        if (entry.resumedFrom() != null) {
            detail.append("resumed from [").append(VisibleText.of(entry.resumedFrom())).append("] ");
        }
        if (entry.checkpoint() != null) {
            detail.append("reached [").append(VisibleText.of(entry.checkpoint())).append("] ");
        }
        if (!entry.parameters().isEmpty()) {
            detail.append(parameters(entry)).append(' ');
        }
        if (entry.errorMessage() != null) {
            detail.append(VisibleText.of(entry.errorMessage(), 160));
        }
        return detail.toString().trim();
    }

    /** {@code [tenant=acme token=**** limit=7 (not identifying: limit)]}: secrets are stored masked. */
    private static String parameters(HistoryEntry entry) {
        StringBuilder text = new StringBuilder("[");
        entry.parameters().forEach((name, value) -> text.append(text.length() > 1 ? " " : "")
                .append(VisibleText.of(name)).append('=').append(VisibleText.of(value, 60)));
        if (!entry.nonIdentifyingParameters().isEmpty()) {
            text.append(" (not identifying: ").append(VisibleText.of(String.join(", ", entry.nonIdentifyingParameters())))
                    .append(')');
        }
        return text.append(']').toString();
    }
}
