package dev.scripttracker.internal.run;

import dev.scripttracker.Batches;
import dev.scripttracker.Progress;
import dev.scripttracker.ProgressListener;
import dev.scripttracker.Row;
import dev.scripttracker.ScriptCancelledException;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.batch.BatchLoop;
import dev.scripttracker.internal.batch.CsvSource;
import dev.scripttracker.internal.batch.KeysetSource;
import dev.scripttracker.internal.batch.ListSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/** The {@link ScriptContext} of one attempt. */
final class RunContext implements ScriptContext {

    private final ScriptDefinition definition;
    private final int attempt;
    private final Map<String, String> parameters;
    private final boolean dryRun;
    private final OutputBuffer output;
    private final Clock clock;
    private final Logger logger;
    private volatile Handle handle;
    private volatile long progressDone;
    private volatile long progressTotal;
    private volatile double progressRate;
    private volatile String skipReason;
    private volatile String cancelReason;
    private volatile String cancelledBy;
    private volatile boolean lockLost;
    private BatchRun batchRun;
    private ProgressListener listener = ProgressListener.NONE;
    private final StatementCounter statements;
    private final Set<String> connectionsOutside = ConcurrentHashMap.newKeySet();

    RunContext(ScriptDefinition definition, int attempt, Map<String, String> parameters, boolean dryRun,
            int outputLimit, Clock clock) {
        this.definition = definition;
        this.attempt = attempt;
        this.parameters = Map.copyOf(parameters);
        this.dryRun = dryRun;
        this.statements = new StatementCounter(dryRun);
        this.output = new OutputBuffer(outputLimit);
        this.clock = clock;
        this.logger = LoggerFactory.getLogger(definition.className());
    }

    void useBatches(BatchRun run) {
        this.batchRun = run;
    }

    BatchRun batchRun() {
        return batchRun;
    }

    /** The checkpoint this attempt resumed from; null when it started from the beginning. */
    String resumedFrom() {
        return batchRun == null ? null : batchRun.resumedFrom();
    }

    void attach(Handle work) {
        this.handle = work;
    }

    StatementCounter statements() {
        return statements;
    }

    void detach() {
        this.handle = null;
    }

    /** The script took a connection that is not the run's own: what it writes there does not roll back. */
    void usedConnectionOutsideItsTransaction(String where) {
        connectionsOutside.add(where);
    }

    /** Where the script wrote outside its transaction, if it did; empty when all its work was the run's. */
    Set<String> connectionsOutside() {
        return Set.copyOf(connectionsOutside);
    }

    @Override
    public ScriptDefinition definition() {
        return definition;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Handle handle() {
        if (handle == null) {
            throw new IllegalStateException("the script's database handle is only available while it runs");
        }
        return handle;
    }

    @Override
    public Connection connection() {
        return handle().getConnection();
    }

    @Override
    public void log(String message, Object... args) {
        String text = MessageFormatter.arrayFormat(message, args).getMessage();
        PrintedOutput.whileLogging(() -> logger.info("[{}] {}", definition.id(), text));
        output.appendLine(clock.instant() + " " + text);
    }

    /** A line the script printed to {@code System.out}. */
    void printed(String line) {
        output.appendLine(clock.instant() + " [stdout] " + line);
    }

    @Override
    public void progress(long done, long total) {
        progress(done, total, 0);
    }

    void progress(long done, long total, double itemsPerSecond) {
        this.progressDone = done;
        this.progressTotal = total;
        this.progressRate = itemsPerSecond;
        listener.progress(definition, new Progress(done, total, itemsPerSecond, clock.instant()));
    }

    void listenToProgress(ProgressListener progressListener) {
        this.listener = progressListener;
    }

    @Override
    public Batches<Row> batches(String keysetQuery) {
        return new Batches<>(new KeysetSource(keysetQuery, batchRun.comparesRowValuesWell()), loops());
    }

    @Override
    public <T> Batches<T> batches(List<T> items) {
        return new Batches<>(new ListSource<>(items), loops());
    }

    @Override
    public Batches<Row> csvBatches(Path file) {
        return new Batches<>(new CsvSource(file), loops());
    }

    private BatchLoop loops() {
        if (handle == null || batchRun == null) {
            throw new IllegalStateException("batches are only available while the script runs");
        }
        return new BatchLoop(batchRun);
    }

    @Override
    public void skip(String reason) {
        skipReason = reason == null || reason.isBlank() ? "no reason given" : reason;
        log("skipped: {}", skipReason);
        throw new ScriptSkipped(skipReason);
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean isDryRun() {
        return dryRun;
    }

    @Override
    public boolean isCancelled() {
        return cancelReason != null;
    }

    @Override
    public void checkCancelled() {
        String reason = cancelReason;
        if (reason != null) {
            throw new ScriptCancelledException("script " + definition.id() + " was stopped: " + reason);
        }
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

    /** The run is no longer this process's: stop it, recorded interrupted. */
    void lockLost(String why) {
        lockLost = true;
        cancel(why);
    }

    boolean lockWasLost() {
        return lockLost;
    }

    String cancelReasonOr(String fallback) {
        return cancelReason == null ? fallback : cancelReason;
    }

    String skipReason() {
        return skipReason;
    }

    String output() {
        return output.snapshot();
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
}
