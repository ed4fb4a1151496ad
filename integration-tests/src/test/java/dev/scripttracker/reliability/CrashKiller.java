package dev.scripttracker.reliability;

import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.internal.batch.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link CrashChild} JVMs one after another and kills each with SIGKILL at the moment the
 * {@link CrashKillPlan} draws, then reads from the database where the kill landed.
 *
 * <p>A mid-run kill's delay is drawn from an equal share of the time the remaining batches need at
 * least (each holds its transaction {@code holdMillis}), less a reserve per kill still to come, so
 * that the kills leave work for the ones after them and each hits a run that is still going.
 */
final class CrashKiller {

    private static final long FIRST_COMMIT_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long POLL_MILLIS = 5;
    private static final int RESERVED_BATCHES_PER_KILL = 3;

    private final ScriptTracker observer;
    private final CrashSettings settings;
    private final CrashKillPlan plan;
    private final String url;
    private final Path logs;
    /** How long a JVM took to commit its first batch, last time one was watched; a guess until then. */
    private long startupMillis = 1_000;

    /** @param observer a tracker in the test's own JVM, used only to read the script's state */
    CrashKiller(ScriptTracker observer, CrashSettings settings, String url, Path logs) {
        this.observer = observer;
        this.settings = settings;
        this.plan = new CrashKillPlan(settings.seed(), settings.kills());
        this.url = url;
        this.logs = logs;
    }

    List<CrashKill> killAll() throws IOException, InterruptedException {
        List<CrashKill> kills = new ArrayList<>();
        for (int number = 1; number <= plan.kills(); number++) {
            kills.add(killOnce(number));
        }
        return kills;
    }

    private CrashKill killOnce(int number) throws IOException, InterruptedException {
        ScriptState before = state();
        CrashChildProcess child = CrashChildProcess.start(logs, String.format("child-%03d", number), url, settings);
        try {
            long delay = awaitTheMoment(number, child, before);
            int exitCode = child.kill();
            if (exitCode != CrashChildProcess.KILLED_BY_SIGKILL) {
                throw new AssertionError("kill " + number + ": " + child.name() + " ended with exit code " + exitCode
                        + " before it was killed (seed " + settings.seed() + "); its output:\n" + child.output());
            }
            return landing(number, delay, exitCode, before, state(), child);
        } finally {
            child.process().destroyForcibly();
        }
    }

    /** @return the delay drawn */
    private long awaitTheMoment(int number, CrashChildProcess child, ScriptState before)
            throws IOException, InterruptedException {
        if (plan.moment(number) == CrashKillPlan.Moment.AT_START) {
            long delay = plan.delayMillis(startupMillis);
            Thread.sleep(Math.max(0, delay - child.millisSinceStart()));
            return delay;
        }
        ScriptState running = awaitFirstCommit(child, before);
        startupMillis = child.millisSinceStart();
        long delay = plan.delayMillis(midRunWindowMillis(running, number));
        Thread.sleep(delay);
        return delay;
    }

    /** Waits until the child's attempt is recorded running and has committed a batch. */
    private ScriptState awaitFirstCommit(CrashChildProcess child, ScriptState before)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FIRST_COMMIT_PATIENCE_NANOS;
        while (System.nanoTime() < deadline && child.process().isAlive()) {
            ScriptState now = state();
            if (now.status() == ScriptStatus.RUNNING && now.attempts() > before.attempts()
                    && !Objects.equals(now.checkpoint(), before.checkpoint())) {
                return now;
            }
            Thread.sleep(POLL_MILLIS);
        }
        child.process().destroyForcibly();
        throw new AssertionError(child.name() + " did not commit a batch within a minute of its start (seed "
                + settings.seed() + "); state " + state() + "; its output:\n" + child.output());
    }

    private long midRunWindowMillis(ScriptState running, int number) {
        long remaining = settings.batches() - Checkpoint.decode(running.checkpoint()).batch();
        int killsToCome = plan.midRunKillsFrom(number);
        long spendable = Math.max(0, remaining - (long) RESERVED_BATCHES_PER_KILL * killsToCome);
        return settings.holdMillis() * spendable / (killsToCome + 1);
    }

    private CrashKill landing(int number, long delay, int exitCode, ScriptState before, ScriptState after,
            CrashChildProcess child) throws IOException {
        CrashKillPlan.Moment moment = plan.moment(number);
        if (after.attempts() == before.attempts()) {
            return new CrashKill(number, moment, delay, exitCode, CrashKill.Landing.BEFORE_RUN, 0, null);
        }
        if (after.status() != ScriptStatus.RUNNING) {
            throw new AssertionError("kill " + number + ": the killed " + child.name() + "'s attempt "
                    + after.attempts() + " is recorded " + after.status() + ", not running (seed " + settings.seed()
                    + "); its output:\n" + child.output());
        }
        return new CrashKill(number, moment, delay, exitCode,
                CrashKill.Landing.inRun(child.lastBatchBegun(), after.checkpoint()), after.attempts(),
                after.checkpoint());
    }

    private ScriptState state() {
        return observer.status().stream().filter(s -> s.id().equals(CrashBackfillScript.ID)).findFirst()
                .orElseThrow();
    }
}
