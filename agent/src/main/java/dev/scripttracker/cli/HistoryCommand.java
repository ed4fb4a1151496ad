package dev.scripttracker.cli;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptTracker;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Every attempt of one script, oldest first: runs and rollbacks, who ran them, how they ended,"
                + " and for BATCH scripts where each attempt resumed and where it got to."},
        footer = {"", "Only reads: creates and upgrades no table.",
            "Exit codes: 0 shown (also when the script never ran); 2 usage, configuration or database error, or no"
                    + " table under the prefix."})
final class HistoryCommand implements Callable<Integer> {

    private static final String FORMAT = "%7s  %-8s %-12s %-20s %9s  %-24s %s%n";

    @Mixin
    TrackerOptions tracker;

    @Parameters(paramLabel = "ID", description = "The script.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ScriptTracker scripts = tracker.openForReading()) {
            List<HistoryEntry> attempts = scripts.history(id);
            if (attempts.isEmpty()) {
                out.println(id + " has no recorded attempt (pending, or not a script id: see status)");
            } else {
                out.printf(FORMAT, "ATTEMPT", "ACTION", "STATUS", "STARTED (UTC)", "DURATION", "BY", "DETAIL");
                attempts.forEach(entry -> out.printf(FORMAT, entry.attempt(), entry.action(), entry.status().label(),
                        time(entry.startedAt()), entry.duration().toMillis() + " ms", entry.executedBy(), detail(entry)));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ')
                .replace("Z", "");
    }

    private static String detail(HistoryEntry entry) {
        StringBuilder detail = new StringBuilder();
        if (entry.resumedFrom() != null) {
            detail.append("resumed from [").append(entry.resumedFrom()).append("] ");
        }
        if (entry.checkpoint() != null) {
            detail.append("reached [").append(entry.checkpoint()).append("] ");
        }
        if (entry.errorMessage() != null) {
            String message = entry.errorMessage().replace('\n', ' ');
            detail.append(message.length() > 160 ? message.substring(0, 157) + "..." : message);
        }
        return detail.toString().trim();
    }
}
