package dev.scripttracker;

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
 */
public record RunOptions(
        boolean force, boolean dryRun, Map<String, String> parameters, Optional<Duration> lockWait,
        ProgressListener progressListener, boolean restart, int workers) {

    public RunOptions {
        parameters = Map.copyOf(parameters);
        progressListener = progressListener == null ? ProgressListener.NONE : progressListener;
    }

    public RunOptions(boolean force, boolean dryRun, Map<String, String> parameters, Optional<Duration> lockWait) {
        this(force, dryRun, parameters, lockWait, ProgressListener.NONE, false, 0);
    }

    public static RunOptions defaults() {
        return new RunOptions(false, false, Map.of(), Optional.empty());
    }

    public RunOptions withForce() {
        return new RunOptions(true, dryRun, parameters, lockWait, progressListener, restart, workers);
    }

    public RunOptions withDryRun() {
        return new RunOptions(force, true, parameters, lockWait, progressListener, restart, workers);
    }

    public RunOptions withParameter(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new RunOptions(force, dryRun, copy, lockWait, progressListener, restart, workers);
    }

    public RunOptions withLockWait(Duration wait) {
        return new RunOptions(force, dryRun, parameters, Optional.of(wait), progressListener, restart, workers);
    }

    public RunOptions withProgressListener(ProgressListener listener) {
        return new RunOptions(force, dryRun, parameters, lockWait, listener, restart, workers);
    }

    /** See {@link #workers()}. */
    public RunOptions withWorkers(int count) {
        if (count < 1 || count > Batches.MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be between 1 and " + Batches.MAX_WORKERS + ", was "
                    + count);
        }
        return new RunOptions(force, dryRun, parameters, lockWait, progressListener, restart, count);
    }

    /** See {@link #restart()}. */
    public RunOptions withRestart() {
        return new RunOptions(force, dryRun, parameters, lockWait, progressListener, true, workers);
    }
}
