package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.store.StateRow;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the JVM shuts down under a running script (a stop signal such as Kubernetes' SIGTERM, or
 * {@code System.exit()} inside the script), records the run {@code interrupted} at once instead of
 * leaving it {@code running} until its lease expires. A run gets a moment to finish first; a batch
 * run is asked to stop at its next batch boundary and record itself. Work not committed by then is
 * rolled back by the server when the process ends.
 */
final class ShutdownWatch {

    private static final Logger LOG = LoggerFactory.getLogger("dev.scripttracker.engine");
    private static final long GRACE_MILLIS = Duration.ofSeconds(3).toMillis();
    static final String REASON = "the JVM running it shut down (a stop signal, or System.exit() called while"
            + " the script ran)";

    private final Engine engine;
    private record ActiveRun(RunContext ctx, StoreSession session) {
    }

    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
    private final Thread hook;

    ShutdownWatch(Engine engine) {
        this.engine = engine;
        this.hook = new Thread(this::onShutdown, "script-tracker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @param session the run's own store session: a pool may have no connection left to lend at shutdown */
    void started(String runId, RunContext ctx, StoreSession session) {
        active.put(runId, new ActiveRun(ctx, session));
    }

    void finished(String runId) {
        active.remove(runId);
    }

    private void onShutdown() {
        if (active.isEmpty()) {
            return;
        }
        active.values().stream().map(ActiveRun::ctx).filter(ctx -> ctx.definition().transaction() == Transaction.BATCH)
                .forEach(ctx -> ctx.lockLost(REASON));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
        active.forEach(this::recordInterrupted);
    }

    private void recordInterrupted(String runId, ActiveRun run) {
        String id = run.ctx().definition().id();
        try {
            run.session().use(h -> {
                Optional<StateRow> row = engine.store().find(h, id)
                        .filter(r -> r.status() == ScriptStatus.RUNNING && r.runId().equals(runId));
                return row.map(r -> Interruptions.markInterrupted(engine, h, r, REASON)).orElse(false);
            });
            LOG.warn("script {}: {}; recorded as interrupted", id, REASON);
        } catch (RuntimeException databaseGone) {
            LOG.warn("script {}: {}, and its outcome could not be recorded ({}); the next run records it"
                    + " interrupted once its lease expires", id, REASON, databaseGone.getMessage());
        }
    }

    void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (or ran) anyway
        }
    }
}
