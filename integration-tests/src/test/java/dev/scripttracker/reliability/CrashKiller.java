package dev.scripttracker.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link CrashChild} JVMs one after another and kills each with SIGKILL at the moment the
 * {@link CrashKillPlan} draws. It watches the JVM's output, not the database: a JVM that has begun
 * its second batch has committed its first.
 *
 * <p>A mid-run kill's delay is drawn from an equal share of the time the remaining batches need at
 * least (each holds its transaction {@code holdMillis}), less a reserve per kill still to come, so
 * that the kills leave work for the ones after them and each hits a run that is still going.
 */
final class CrashKiller {

    private static final long FIRST_COMMIT_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long POLL_MILLIS = 5;
    private static final int RESERVED_BATCHES_PER_KILL = 3;

    private final CrashSettings settings;
    private final CrashKillPlan plan;
    private final String url;
    private final Path logs;
    /** How long a JVM took to commit its first batch, last time one was watched; a guess until then. */
    private long startupMillis = 1_000;

    CrashKiller(CrashSettings settings, String url, Path logs) {
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
        CrashChildProcess child = CrashChildProcess.start(logs, String.format("child-%03d", number), url, settings);
        try {
            long delay = awaitTheMoment(number, child);
            Instant killedAt = Instant.now();
            int exitCode = child.kill();
            if (exitCode != CrashChildProcess.KILLED_BY_SIGKILL) {
                throw new AssertionError("kill " + number + ": " + child.name() + " ended with exit code " + exitCode
                        + " before it was killed (seed " + settings.seed() + "); its output:\n" + child.output());
            }
            return new CrashKill(number, plan.moment(number), delay, exitCode, child.name(), child.lastBatchBegun(),
                    killedAt);
        } finally {
            child.process().destroyForcibly();
        }
    }

    /** @return the delay drawn */
    private long awaitTheMoment(int number, CrashChildProcess child) throws IOException, InterruptedException {
        if (plan.moment(number) == CrashKillPlan.Moment.AT_START) {
            long delay = plan.delayMillis(startupMillis);
            Thread.sleep(Math.max(0, delay - child.millisSinceStart()));
            return delay;
        }
        long committed = awaitFirstCommit(child);
        startupMillis = child.millisSinceStart();
        long delay = plan.delayMillis(midRunWindowMillis(committed, number));
        Thread.sleep(delay);
        return delay;
    }

    /** @return the batch the child committed first */
    private long awaitFirstCommit(CrashChildProcess child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FIRST_COMMIT_PATIENCE_NANOS;
        while (System.nanoTime() < deadline && child.process().isAlive()) {
            List<Long> begun = child.batchesBegun();
            if (begun.size() >= 2) {
                return begun.get(0);
            }
            Thread.sleep(POLL_MILLIS);
        }
        child.process().destroyForcibly();
        throw new AssertionError(child.name() + " did not commit a batch within a minute of its start (seed "
                + settings.seed() + "); its output:\n" + child.output());
    }

    private long midRunWindowMillis(long committedBatch, int number) {
        long remaining = settings.batches() - committedBatch;
        int killsToCome = plan.midRunKillsFrom(number);
        long spendable = Math.max(0, remaining - (long) RESERVED_BATCHES_PER_KILL * killsToCome);
        return settings.holdMillis() * spendable / (killsToCome + 1);
    }
}
