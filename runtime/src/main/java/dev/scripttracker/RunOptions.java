package dev.scripttracker;

import dev.scripttracker.internal.store.OperatorName;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to run a script explicitly.
 *
 * <pre>{@code
 * tracker.run("20261124153000_fix_user_preferences",
 *         RunOptions.defaults().withParameter("tenant", "acme").withDryRun());
 * }</pre>
 *
 * @param force run again even when the script already succeeded or was skipped (a new attempt)
 * @param dryRun run the script and roll all of its work back; nothing is recorded as executed
 * @param lockWait how long to wait for another process holding the script; empty: the tracker's
 * @param progressListener hears the progress of the scripts this process runs
 * @param restart start a {@link Transaction#BATCH} script from its first batch instead of resuming after
 *     the last committed one: what earlier attempts committed is processed again
 * @param workers how many workers this process runs for each loop that has {@link Batches#workers}; 0: as
 *     the loop says
 * @param operator who this run is recorded as run by ({@code executed_by}); empty: the tracker's operator
 */
public record RunOptions(
        boolean force, boolean dryRun, Map<String, String> parameters, Optional<Duration> lockWait,
        ProgressListener progressListener, boolean restart, int workers, Optional<String> operator) {

    public RunOptions {
        parameters = Map.copyOf(parameters);
        progressListener = progressListener == null ? ProgressListener.NONE : progressListener;
        operator = operator == null ? Optional.empty() : operator;
    }

    public RunOptions(boolean force, boolean dryRun, Map<String, String> parameters, Optional<Duration> lockWait,
            ProgressListener progressListener, boolean restart, int workers) {
        this(force, dryRun, parameters, lockWait, progressListener, restart, workers, Optional.empty());
    }

    public RunOptions(boolean force, boolean dryRun, Map<String, String> parameters, Optional<Duration> lockWait) {
        this(force, dryRun, parameters, lockWait, ProgressListener.NONE, false, 0, Optional.empty());
    }

    public static RunOptions defaults() {
        return new RunOptions(false, false, Map.of(), Optional.empty());
    }

    public RunOptions withForce() {
        return new RunOptions(true, dryRun, parameters, lockWait, progressListener, restart, workers, operator);
    }

    public RunOptions withDryRun() {
        return new RunOptions(force, true, parameters, lockWait, progressListener, restart, workers, operator);
    }

    public RunOptions withParameter(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new RunOptions(force, dryRun, copy, lockWait, progressListener, restart, workers, operator);
    }

    public RunOptions withLockWait(Duration wait) {
        return new RunOptions(force, dryRun, parameters, Optional.of(wait), progressListener, restart, workers, operator);
    }

    public RunOptions withProgressListener(ProgressListener listener) {
        return new RunOptions(force, dryRun, parameters, lockWait, listener, restart, workers, operator);
    }

    /** See {@link #workers()}. */
    public RunOptions withWorkers(int count) {
        if (count < 1 || count > Batches.MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + Batches.MAX_WORKERS + ", was "
                    + count);
        }
        return new RunOptions(force, dryRun, parameters, lockWait, progressListener, restart, count, operator);
    }

    /** See {@link #restart()}. */
    public RunOptions withRestart() {
        return new RunOptions(force, dryRun, parameters, lockWait, progressListener, true, workers, operator);
    }

    /** See {@link #operator()}: who asked for this run, e.g. the user signed in to a console. */
    public RunOptions withOperator(String name) {
        return new RunOptions(force, dryRun, parameters, lockWait, progressListener, restart, workers,
                Optional.of(OperatorName.check(name)));
    }

    /** Who this run is recorded as run by: {@link #operator()} or else {@code trackerOperator}. */
    public String operatorOr(String trackerOperator) {
        return operator.orElse(trackerOperator);
    }
}
