package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptCancelledException;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptDefinition;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
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
    private volatile String skipReason;
    private volatile String cancelReason;

    RunContext(ScriptDefinition definition, int attempt, Map<String, String> parameters, boolean dryRun,
            int outputLimit, Clock clock) {
        this.definition = definition;
        this.attempt = attempt;
        this.parameters = Map.copyOf(parameters);
        this.dryRun = dryRun;
        this.output = new OutputBuffer(outputLimit);
        this.clock = clock;
        this.logger = LoggerFactory.getLogger(definition.className());
    }

    void attach(Handle work) {
        this.handle = work;
    }

    void detach() {
        this.handle = null;
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
        logger.info("[{}] {}", definition.id(), text);
        output.appendLine(clock.instant() + " " + text);
    }

    @Override
    public void progress(long done, long total) {
        this.progressDone = done;
        this.progressTotal = total;
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
}
