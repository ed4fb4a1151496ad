package dev.scripttracker.internal.run;

import dev.scripttracker.Progress;
import dev.scripttracker.ProgressListener;
import dev.scripttracker.RunOptions;
import dev.scripttracker.ScriptCancelledException;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.jdbc.StatementCounter;
import dev.scripttracker.internal.params.ResolvedParameters;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one attempt is and what it has done so far: its work handle while it runs, progress, output,
 * why it was asked to stop, and where it wrote outside its transaction. Written by the script's thread,
 * the heartbeat and the deadline, so every field is safe to read from another thread.
 */
final class AttemptState {

    private final ScriptDefinition definition;
    private final int number;
    private final ResolvedParameters parameters;
    private final boolean dryRun;
    private final String runId;
    private final OutputBuffer output;
    private final Clock clock;
    private final Logger logger;
    private final StatementCounter statements;
    private final ProgressListener listener;
    private final Set<String> connectionsOutside = ConcurrentHashMap.newKeySet();
    private volatile Handle work;
    private volatile long progressDone;
    private volatile long progressTotal;
    private volatile double progressRate;
    private volatile String skipReason;
    private volatile String cancelReason;
    private volatile String cancelledBy;
    private volatile boolean lockLost;
    private final String operator;

    /** @param runId null for an attempt that records nothing of its own (a dry run, a rollback) */
    AttemptState(ScriptDefinition definition, int number, RunOptions options, ResolvedParameters parameters,
            Settings settings, String runId) {
        this.definition = definition;
        this.number = number;
        this.parameters = parameters;
        this.dryRun = options.dryRun();
        this.runId = runId;
        this.statements = new StatementCounter(dryRun);
        this.output = new OutputBuffer(settings.maxOutputChars());
        this.clock = settings.clock();
        this.listener = options.progressListener();
        this.operator = options.operatorOr(settings.operator());
        this.logger = LoggerFactory.getLogger(definition.className());
    }

    /** Who this attempt is recorded as run by. */
    String operator() {
        return operator;
    }

    ScriptDefinition definition() {
        return definition;
    }

    int number() {
        return number;
    }

    Map<String, String> parameters() {
        return parameters.texts();
    }

    ResolvedParameters resolvedParameters() {
        return parameters;
    }

    boolean hasSecrets() {
        return !parameters.mask().isEmpty();
    }

    /** Text with the values of the attempt's secret parameters replaced by {@code ****}. */
    String masked(String text) {
        return parameters.mask().apply(text);
    }

    boolean isDryRun() {
        return dryRun;
    }

    String runId() {
        return runId;
    }

    StatementCounter statements() {
        return statements;
    }

    void attach(Handle handle) {
        this.work = handle;
    }

    void detach() {
        this.work = null;
    }

    Handle work() {
        Handle handle = work;
        if (handle == null) {
            throw new IllegalStateException("the script's database handle is only available while it runs");
        }
        return handle;
    }

    boolean isRunning() {
        return work != null;
    }

    void log(String line) {
        String text = masked(line);
        PrintedOutput.whileLogging(() -> logger.info("[{}] {}", definition.id(), text));
        output.appendLine(clock.instant() + " " + text);
    }

    /** A line the script printed to {@code System.out}. */
    void printed(String line) {
        output.appendLine(clock.instant() + " [stdout] " + masked(line));
    }

    String output() {
        return output.snapshot();
    }

    /** Where a resumed {@code BATCH} attempt starts counting, before it reports any progress. */
    void resumeAt(long done) {
        this.progressDone = done;
    }

    void progress(long done, long total, double itemsPerSecond) {
        this.progressDone = done;
        this.progressTotal = total;
        this.progressRate = itemsPerSecond;
        listener.progress(definition, new Progress(done, total, itemsPerSecond, clock.instant()));
    }

    long progressDone() {
        return progressDone;
    }

    long progressTotal() {
        return progressTotal;
    }

    double progressRate() {
        return progressRate;
    }

    /** The script took a connection that is not the run's own: what it writes there does not roll back. */
    void usedConnectionOutsideItsTransaction(String where) {
        connectionsOutside.add(where);
    }

    /** Where the script wrote outside its transaction, if it did; empty when all its work was the run's. */
    Set<String> connectionsOutside() {
        return Set.copyOf(connectionsOutside);
    }

    ScriptSkipped skip(String reason) {
        skipReason = reason == null || reason.isBlank() ? "no reason given" : reason;
        log("skipped: " + skipReason);
        return new ScriptSkipped(skipReason);
    }

    String skipReason() {
        return skipReason;
    }

    void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
    }

    /** Another process asked to cancel this run. */
    void cancelRequested(String by) {
        if (cancelledBy == null) {
            cancelledBy = by == null ? "another process" : by;
            cancel("it was cancelled by " + cancelledBy);
        }
    }

    String cancelledBy() {
        return cancelledBy;
    }

    /** The run is no longer this process's: stop it; a failure that follows is recorded interrupted. */
    void lockLost(String why) {
        lockLost = true;
        cancel(why);
    }

    boolean lockWasLost() {
        return lockLost;
    }

    boolean isCancelled() {
        return cancelReason != null;
    }

    void checkCancelled() {
        String reason = cancelReason;
        if (reason != null) {
            throw new ScriptCancelledException("script " + definition.id() + " was stopped: " + reason);
        }
    }

    String cancelReasonOr(String fallback) {
        return cancelReason == null ? fallback : cancelReason;
    }
}
