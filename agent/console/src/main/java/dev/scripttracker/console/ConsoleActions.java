package dev.scripttracker.console;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The actions the console takes through the public API, each written to the audit log with who
 * asked. Runs go to threads of their own: a script may run for hours, the request returns at once.
 */
final class ConsoleActions implements AutoCloseable {

    private final ScriptTracker tracker;
    private final AuditLog audit;
    private final Credentials credentials;
    private final AtomicInteger runNumber = new AtomicInteger();
    private final ExecutorService runs = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "script-tracker-console-run-" + runNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    ConsoleActions(ScriptTracker tracker, AuditLog audit, Credentials credentials) {
        this.tracker = tracker;
        this.audit = audit;
        this.credentials = credentials;
    }

    boolean cancel(String id, String principal) {
        boolean requested = credentials.operatorFor(principal).map(operator -> tracker.cancel(id, operator))
                .orElseGet(() -> tracker.cancel(id));
        audit.record(principal + " asked the console to cancel " + id + ": "
                + (requested ? "cancel requested" : "it was not running"));
        return requested;
    }

    /** @param shown the parameters as the audit log may show them (secrets masked) */
    void run(String id, Map<String, String> parameters, String shown, boolean dryRun, String principal) {
        RunOptions options = credentials.operatorFor(principal).map(RunOptions.defaults()::withOperator)
                .orElse(RunOptions.defaults());
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            options = options.withParameter(parameter.getKey(), parameter.getValue());
        }
        RunOptions chosen = dryRun ? options.withDryRun() : options;
        String what = (dryRun ? "dry run " : "run ") + id;
        audit.record(principal + " asked the console to " + what
                + (parameters.isEmpty() ? "" : " with " + shown));
        runs.execute(() -> {
            try {
                RunResult result = tracker.run(id, chosen);
                audit.record(what + " (asked by " + principal + "): " + result.outcome() + " " + result.message());
            } catch (RuntimeException e) {
                audit.record(what + " (asked by " + principal + ") could not start: " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
