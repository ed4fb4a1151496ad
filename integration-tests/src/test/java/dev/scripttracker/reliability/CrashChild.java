package dev.scripttracker.reliability;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import java.time.Duration;

/**
 * The JVM the crash test kills: runs {@link CrashBackfillScript} by id, as an operator would after a
 * crash ({@code run ID --lock-wait PT2M}). Its lease is far longer than its lock wait, so a run that
 * had to wait for the killed holder's lease could not succeed: on PostgreSQL and MariaDB the free
 * lock itself proves the holder dead, and the run takes over at once.
 *
 * <p>Exit codes: 0 done, 1 the run ended otherwise (the output says how), 2 still locked after the
 * lock wait.
 */
public final class CrashChild {

    static final Duration LEASE = Duration.ofMinutes(10);
    static final Duration LOCK_WAIT = Duration.ofMinutes(2);
    static final String OUTCOME = "outcome: ";

    private CrashChild() {
    }

    /** Arguments: the database URL, the operator to record, the batch size, how long each batch holds (ms). */
    public static void main(String[] args) {
        RunOptions options = RunOptions.defaults().withParameter(CrashBackfillScript.SIZE, args[2])
                .withParameter(CrashBackfillScript.HOLD_MILLIS, args[3]);
        int exitCode;
        try (ScriptTracker tracker = ScriptTracker.builder().jdbcUrl(args[0]).operator(args[1]).lease(LEASE)
                .lockWait(LOCK_WAIT)
                .register(CrashBackfillScript.class).build()) {
            exitCode = runUntilDone(tracker, options);
        }
        System.exit(exitCode);
    }

    private static int runUntilDone(ScriptTracker tracker, RunOptions options) {
        RunResult result = tracker.run(CrashBackfillScript.ID, options);
        System.out.println(OUTCOME + result.outcome() + " (attempt " + result.attempt() + "): " + result.message());
        if (result.outcome() == RunOutcome.SUCCEEDED || result.outcome() == RunOutcome.ALREADY_DONE) {
            return 0;
        }
        return result.outcome() == RunOutcome.LOCKED ? 2 : 1;
    }
}
