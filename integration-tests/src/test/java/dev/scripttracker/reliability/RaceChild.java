package dev.scripttracker.reliability;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunReport;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the race: runs the pending scripts of its application, as an application does on
 * start-up, until every one of them is done, and prints the ids of the scripts that it ran itself.
 * A script that another JVM is running stops the pass with LOCKED; it is not done yet, so the next
 * pass tries again.
 *
 * <p>Compiled into the race application, whose class path has no other test classes: it uses only
 * the runtime's API and JDBC.
 */
public final class RaceChild {

    static final String RAN = "SUCCEEDED ";
    private static final int MAX_PASSES = 20;
    private static final long START_LINE_PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private RaceChild() {
    }

    /** Arguments: the database URL, a name recorded as the operator, and how many JVMs race. */
    public static void main(String[] args) throws InterruptedException, SQLException {
        int exitCode;
        try (ScriptTracker tracker = ScriptTracker.builder().jdbcUrl(args[0]).operator(args[1]).build()) {
            waitAtTheStartLine(args[0], Integer.parseInt(args[2]));
            exitCode = runUntilAllDone(tracker);
        }
        System.exit(exitCode);
    }

    /**
     * Waits until every JVM of the race is connected, so that all of them ask for the pending scripts
     * at once, however long each took to start.
     */
    private static void waitAtTheStartLine(String url, int jvms) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + START_LINE_PATIENCE_NANOS;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("update race_start_line set arrived = arrived + 1");
            while (arrived(s) < jvms) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + arrived(s) + " of " + jvms
                            + " JVMs reached the start line");
                }
                Thread.sleep(10);
            }
        }
    }

    private static int arrived(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select arrived from race_start_line")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int runUntilAllDone(ScriptTracker tracker) throws InterruptedException {
        for (int pass = 1; pass <= MAX_PASSES; pass++) {
            RunReport report = tracker.runPending();
            for (RunResult result : report.results()) {
                if (result.outcome() == RunOutcome.SUCCEEDED) {
                    System.out.println(RAN + result.scriptId());
                } else if (isWorthTelling(result)) {
                    System.out.println("pass " + pass + ": " + result.scriptId() + " " + result.outcome() + ": "
                            + result.message());
                }
            }
            if (report.hasFailures()) {
                return 1;
            }
            if (report.results().stream().allMatch(RaceChild::isDone)) {
                return 0;
            }
            Thread.sleep(100);
        }
        System.out.println("scripts still not done after " + MAX_PASSES + " passes");
        return 2;
    }

    private static boolean isWorthTelling(RunResult result) {
        return result.outcome() != RunOutcome.ALREADY_DONE && result.outcome() != RunOutcome.NOT_ATTEMPTED;
    }

    private static boolean isDone(RunResult result) {
        return result.outcome() == RunOutcome.SUCCEEDED || result.outcome() == RunOutcome.ALREADY_DONE;
    }
}
