package dev.scripttracker.demo;

import dev.scripttracker.ScriptState;
import java.io.PrintStream;
import java.util.List;

/** Prints scripts and their state as a table for a terminal. */
final class StatusTable {

    private StatusTable() {
    }

    static void print(List<ScriptState> states, PrintStream out) {
        String format = "  %-40s %-12s %-8s %-24s %s%n";
        out.printf(format, "ID", "STATUS", "ATTEMPTS", "FINISHED", "DETAIL");
        for (ScriptState state : states) {
            String detail = state.errorMessage() == null ? "" : state.errorMessage();
            out.printf(format, state.id(), state.status().label(), state.attempts(),
                    state.finishedAt() == null ? "-" : state.finishedAt().toString(),
                    detail.length() > 100 ? detail.substring(0, 97) + "..." : detail);
        }
    }
}
