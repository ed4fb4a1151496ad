package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.session.StoreSession;
import dev.scripttracker.internal.store.Interruptions;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore;
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

    private final StateStore store;
    private final Interruptions interruptions;
    private final Map<AttemptState, StoreSession> active = new ConcurrentHashMap<>();
    private final Thread hook;

    ShutdownWatch(StateStore store, Interruptions interruptions) {
        this.store = store;
        this.interruptions = interruptions;
        this.hook = new Thread(this::onShutdown, "script-tracker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @param session the run's own store session: a pool may have no connection left to lend at shutdown */
    void started(AttemptState attempt, StoreSession session) {
        active.put(attempt, session);
    }

    void finished(AttemptState attempt) {
        active.remove(attempt);
    }

    private void onShutdown() {
        if (active.isEmpty()) {
            return;
        }
        active.keySet().stream().filter(attempt -> attempt.definition().transaction() == Transaction.BATCH)
                .forEach(attempt -> attempt.lockLost(REASON));
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

    private void recordInterrupted(AttemptState attempt, StoreSession session) {
        String id = attempt.definition().id();
        try {
            session.use(h -> {
                Optional<StateRow> row = store.find(h, id)
                        .filter(r -> r.status() == ScriptStatus.RUNNING && r.runId().equals(attempt.runId()));
                return row.map(r -> interruptions.markStopped(h, r, REASON)).orElse(false);
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
