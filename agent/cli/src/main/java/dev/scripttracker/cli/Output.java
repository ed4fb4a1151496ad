package dev.scripttracker.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Lines for people: plain on a terminal, timestamped when the output goes to a log. */
final class Output {

    private final PrintWriter out;
    private final boolean terminal;
    private final Clock clock;

    Output(PrintWriter out) {
        this(out, System.console() != null, Clock.systemUTC());
    }

    Output(PrintWriter out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    void line(String text) {
        out.println(terminal ? text : Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + text);
        out.flush();
    }

    boolean isTerminal() {
        return terminal;
    }
}
