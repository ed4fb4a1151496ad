package dev.scripttracker.reliability;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import java.time.Duration;

/**
 * The JVM the crash test kills: runs {@link CrashBackfillScript} by id, as an operator would after a
 * crash, until it is done. A run that finds the script LOCKED (the killed holder's lease has not
 * expired yet, or the server has not yet ended its session) tries again, a bounded number of times.
 *
 * <p>Exit codes: 0 done, 1 the run ended otherwise (the output says how), 2 still locked at the end.
 */
public final class CrashChild {

    /** Short, so that the next run sees a killed holder's lease expire within about a second. */
    static final Duration LEASE = Duration.ofSeconds(1);
    static final String OUTCOME = "outcome: ";
    private static final int MAX_TRIES = 150;
    private static final long PAUSE_WHEN_LOCKED_MILLIS = 100;

    private CrashChild() {
    }

    /** Arguments: the database URL, the operator to record, the batch size, how long each batch holds (ms). */
    public static void main(String[] args) throws InterruptedException {
        RunOptions options = RunOptions.defaults().withParameter(CrashBackfillScript.SIZE, args[2])
                .withParameter(CrashBackfillScript.HOLD_MILLIS, args[3]);
        int exitCode;
        try (ScriptTracker tracker = ScriptTracker.builder().jdbcUrl(args[0]).operator(args[1]).lease(LEASE)
                .register(CrashBackfillScript.class).build()) {
            exitCode = runUntilDone(tracker, options);
        }
        System.exit(exitCode);
    }

    private static int runUntilDone(ScriptTracker tracker, RunOptions options) throws InterruptedException {
        for (int tries = 1; tries <= MAX_TRIES; tries++) {
            RunResult result = tracker.run(CrashBackfillScript.ID, options);
            System.out.println(OUTCOME + result.outcome() + " (try " + tries + ", attempt " + result.attempt()
                    + "): " + result.message());
            if (result.outcome() == RunOutcome.SUCCEEDED || result.outcome() == RunOutcome.ALREADY_DONE) {
                return 0;
            }
            if (result.outcome() != RunOutcome.LOCKED) {
                return 1;
            }
            Thread.sleep(PAUSE_WHEN_LOCKED_MILLIS);
        }
        return 2;
    }
}
