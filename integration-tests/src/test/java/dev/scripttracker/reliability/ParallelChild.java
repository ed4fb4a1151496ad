package dev.scripttracker.reliability;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import java.time.Duration;
import java.util.Set;

/**
 * One JVM of the multi-process tests: runs {@link ParallelBackfillScript} by id with four workers, as
 * a pod's start would, and runs it again after an attempt that was interrupted (the process that ran it
 * died and another took the run over), as a restarted pod would. Prints each outcome on its own line.
 *
 * <p>Exit codes: 0 its part is done (it ran the run to its end, joined it, or found it done), 1 otherwise.
 */
public final class ParallelChild {

    static final String OUTCOME = "outcome: ";
    private static final Set<RunOutcome> DONE = Set.of(RunOutcome.SUCCEEDED, RunOutcome.JOINED, RunOutcome.ALREADY_DONE);
    private static final int MAX_RUNS = 20;

    private ParallelChild() {
    }

    /** Arguments: the database URL, the operator to record, the batch size, each batch's hold (ms), the lease (ms). */
    public static void main(String[] args) {
        RunOptions options = RunOptions.defaults().withParameter(ParallelBackfillScript.SIZE, args[2])
                .withParameter(ParallelBackfillScript.HOLD_MILLIS, args[3]).withWorkers(4);
        int exitCode = 1;
        try (ScriptTracker tracker = ScriptTracker.builder().jdbcUrl(args[0]).operator(args[1])
                .lease(Duration.ofMillis(Long.parseLong(args[4]))).lockWait(Duration.ofMinutes(2))
                .register(ParallelBackfillScript.class).build()) {
            for (int run = 1; run <= MAX_RUNS; run++) {
                RunResult result = tracker.run(ParallelBackfillScript.ID, options);
                System.out.println(OUTCOME + result.outcome() + " (attempt " + result.attempt() + "): "
                        + result.message());
                if (DONE.contains(result.outcome())) {
                    exitCode = 0;
                    break;
                }
                if (result.outcome() != RunOutcome.INTERRUPTED) {
                    break;
                }
            }
        }
        System.exit(exitCode);
    }
}
