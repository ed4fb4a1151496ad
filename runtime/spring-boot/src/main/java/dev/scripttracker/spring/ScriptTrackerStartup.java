package dev.scripttracker.spring;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunReport;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.spring.ScriptTrackerProperties.OnFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs the pending scripts while the application starts ({@code scripttracker.run-pending=true}):
 * once every singleton exists, so after Flyway's and Liquibase's initializers have migrated the schema
 * and with every bean a script may need, and before the context starts its lifecycle beans (the web
 * server, message listeners), so before the application takes traffic. Instances starting together
 * run each script once: the others wait for its lock, then find it done.
 */
public final class ScriptTrackerStartup implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptTrackerStartup.class);

    private final ScriptTracker tracker;
    private final ScriptTrackerProperties settings;

    public ScriptTrackerStartup(ScriptTracker tracker, ScriptTrackerProperties settings) {
        this.tracker = tracker;
        this.settings = settings;
    }

    /** The scripts named in {@code run-ids} first, as explicit runs; then, with {@code run-pending}, what is due. */
    @Override
    public void afterSingletonsInstantiated() {
        RunOptions options = RunOptions.defaults();
        if (!settings.runIds().isEmpty()) {
            report(tracker.run(settings.runIds(), options));
        }
        if (settings.runPending()) {
            report(tracker.runPending(options));
        }
    }

    private void report(RunReport report) {
        for (RunResult result : report.results()) {
            if (result.outcome().isFailure()) {
                LOG.warn("script {}: {} {}", result.scriptId(), result.outcome(), result.message());
            } else {
                LOG.info("script {}: {} {}", result.scriptId(), result.outcome(), result.message());
            }
        }
        report.results().stream().filter(r -> r.outcome().isFailure()).findFirst().ifPresent(this::failed);
    }

    private void failed(RunResult failure) {
        if (settings.onFailure() == OnFailure.FAIL) {
            throw new ScriptFailedAtStartupException(failure);
        }
        LOG.error("script {} failed at start-up and the application starts anyway (scripttracker.on-failure=log):"
                + " {}", failure.scriptId(), failure.message(), failure.error());
    }
}
