package dev.scripttracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@code BATCH} backfill with {@code workers(n)} on loopback PostgreSQL, side by side in one JVM for
 * several worker counts, through one HikariCP pool: an I/O-bound backfill (each batch also waits
 * {@code bench.sleepMs} for a simulated external call) and a pure database one ({@code counter = counter
 * + 1} for every row). Each run is a forced run of the same script (a fresh chunk plan), the table's
 * counters reset before it; after it every counter must be exactly 1. Worker counts alternate within
 * each repetition.
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.ParallelBackfillBenchmark</pre>
 *
 * Options: {@code -Dbench.url=jdbc:postgresql://...} (a schema {@code bench_parallel} is created there and
 * dropped at the end), {@code -Dbench.ioRows=20000 -Dbench.sleepMs=40 -Dbench.ioWorkers=1,2,4,8
 * -Dbench.dbRows=1000000 -Dbench.dbWorkers=1,2,4 -Dbench.reps=2}.
 */
public final class ParallelBackfillBenchmark {

    static final String URL = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String SCHEMA = "bench_parallel";
    static volatile long sleepMillis;
    static volatile int size;

    private ParallelBackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reps = Integer.getInteger("bench.reps", 2);
        Jdbi jdbi = Jdbi.create(URL);
        try (Handle h = jdbi.open()) {
            h.execute("drop schema if exists " + SCHEMA + " cascade");
            h.execute("create schema " + SCHEMA);
        }
        try {
            scenario(jdbi, "I/O-bound (each batch also sleeps " + Long.getLong("bench.sleepMs", 40) + " ms)",
                    Integer.getInteger("bench.ioRows", 20_000), 100, Long.getLong("bench.sleepMs", 40),
                    workers("bench.ioWorkers", "1,2,4,8"), reps);
            scenario(jdbi, "pure database", Integer.getInteger("bench.dbRows", 1_000_000), 1_000, 0,
                    workers("bench.dbWorkers", "1,2,4"), reps);
            roundTrips(jdbi, Integer.getInteger("bench.tripRows", 100_000), 1_000);
        } finally {
            try (Handle h = jdbi.open()) {
                h.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
    }

    private static int[] workers(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static void scenario(Jdbi jdbi, String name, int rows, int batchSize, long sleep, int[] workerCounts,
            int reps) {
        createRows(jdbi, rows);
        sleepMillis = sleep;
        size = batchSize;
        int maxWorkers = Arrays.stream(workerCounts).max().orElse(1);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMaximumPoolSize(maxWorkers + 4);
        List<List<Double>> seconds = new ArrayList<>();
        for (int ignored : workerCounts) {
            seconds.add(new ArrayList<>());
        }
        try (HikariDataSource pool = new HikariDataSource(config);
                ScriptTracker tracker = ScriptTracker.builder().dataSource(pool).tablePrefix(SCHEMA + ".tracked")
                        .register(Backfill.class).build()) {
            run(jdbi, tracker, rows, 1);
            for (int rep = 0; rep < reps; rep++) {
                for (int i = 0; i < workerCounts.length; i++) {
                    int k = (i + rep) % workerCounts.length;
                    seconds.get(k).add(run(jdbi, tracker, rows, workerCounts[k]));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d rows, batches of %d%n", name, rows, batchSize);
        double base = median(seconds.get(0));
        for (int i = 0; i < workerCounts.length; i++) {
            double median = median(seconds.get(i));
            System.out.printf(Locale.ROOT, "  workers=%d  runs=%s  median=%.2f s  %,.0f rows/s  %.2fx of %d worker%n",
                    workerCounts[i], seconds.get(i), median, rows / median, base / median, workerCounts[0]);
        }
    }

    /**
     * The round trips (statement executions, commits, rollbacks) of the whole run, per batch: the same loop
     * without {@code workers}, with one worker and with four, through a counting data source.
     */
    private static void roundTrips(Jdbi jdbi, int rows, int batchSize) {
        createRows(jdbi, rows);
        sleepMillis = 0;
        size = batchSize;
        long batches = (rows + batchSize - 1) / batchSize;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMaximumPoolSize(8);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            RoundTripCounter counter = new RoundTripCounter();
            try (ScriptTracker tracker = ScriptTracker.builder().dataSource(counter.wrap(pool))
                    .tablePrefix(SCHEMA + ".tracked").register(Backfill.class, Sequential.class).build()) {
                System.out.printf(Locale.ROOT, "round trips: %,d rows, %d batches of %d%n", rows, batches, batchSize);
                double sequential = tripsPerBatch(jdbi, tracker, counter, "bench_sequential_backfill", 1, batches);
                for (int workers : new int[] {1, 4}) {
                    double parallel = tripsPerBatch(jdbi, tracker, counter, "bench_parallel_backfill", workers, batches);
                    System.out.printf(Locale.ROOT, "  workers=%d: %.2f round trips per batch, %+.2f over the loop"
                            + " without workers (%.2f)%n", workers, parallel, parallel - sequential, sequential);
                }
            }
        }
    }

    private static double tripsPerBatch(Jdbi jdbi, ScriptTracker tracker, RoundTripCounter counter, String id,
            int workers, long batches) {
        try (Handle h = jdbi.open()) {
            h.execute("update " + SCHEMA + ".rows set counter = 0");
        }
        long before = counter.trips();
        RunResult result = tracker.run(id, RunOptions.defaults().withForce().withWorkers(workers));
        if (result.outcome() != RunOutcome.SUCCEEDED) {
            throw new IllegalStateException(result.message(), result.error());
        }
        return (counter.trips() - before) / (double) batches;
    }

    private static double run(Jdbi jdbi, ScriptTracker tracker, int rows, int workers) {
        return timed(jdbi, rows, () -> runForced(tracker, workers));
    }

    /** A forced run of the registered backfill with this many workers; anything but success stops the benchmark. */
    static void runForced(ScriptTracker tracker, int workers) {
        RunResult result = tracker.run("bench_parallel_backfill", RunOptions.defaults().withForce().withWorkers(workers));
        if (result.outcome() != RunOutcome.SUCCEEDED) {
            throw new IllegalStateException(result.message(), result.error());
        }
    }

    /** {@code bench_parallel.rows(id, counter)} with ids 1 to {@code rows}, analyzed. */
    static void createRows(Jdbi jdbi, int rows) {
        try (Handle h = jdbi.open()) {
            h.execute("drop table if exists " + SCHEMA + ".rows");
            h.execute("create table " + SCHEMA + ".rows (id bigint primary key, counter integer not null)");
            h.execute("insert into " + SCHEMA + ".rows select g, 0 from generate_series(1, " + rows + ") g");
            h.execute("vacuum analyze " + SCHEMA + ".rows");
        }
    }

    /**
     * Seconds {@code backfill} takes, the counters reset and vacuumed before; afterwards every counter must be
     * exactly 1.
     */
    static double timed(Jdbi jdbi, int rows, Runnable backfill) {
        try (Handle h = jdbi.open()) {
            h.execute("update " + SCHEMA + ".rows set counter = 0");
            h.execute("vacuum " + SCHEMA + ".rows");
        }
        long start = System.nanoTime();
        backfill.run();
        double took = (System.nanoTime() - start) / 1e9;
        try (Handle h = jdbi.open()) {
            long wrong = h.createQuery("select count(*) from " + SCHEMA + ".rows where counter <> 1").mapTo(Long.class)
                    .one();
            if (wrong != 0) {
                throw new IllegalStateException(wrong + " of " + rows + " rows were not updated exactly once");
            }
        }
        return Math.round(took * 100) / 100.0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @TrackedScript(id = "bench_sequential_backfill", transaction = Transaction.BATCH)
    public static class Sequential implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from " + SCHEMA + ".rows order by id").size(size).forEach((batch, h) ->
                    h.createUpdate("update " + SCHEMA + ".rows set counter = counter + 1 where id in (<ids>)")
                            .bindList("ids", batch.ids()).execute());
        }
    }

    @TrackedScript(id = "bench_parallel_backfill", transaction = Transaction.BATCH)
    public static class Backfill implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.batches("select id from " + SCHEMA + ".rows order by id").size(size).workers(1).forEach((batch, h) -> {
                if (sleepMillis > 0) {
                    Thread.sleep(sleepMillis);
                }
                h.createUpdate("update " + SCHEMA + ".rows set counter = counter + 1 where id in (<ids>)")
                        .bindList("ids", batch.ids()).execute();
            });
        }
    }
}
