package dev.scripttracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.TrackedScript;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Tracking overhead of one SCRIPT-mode run on loopback PostgreSQL: the same script body run bare
 * (in a transaction, as a careful hand-written script would) and through the tracker, alternating,
 * in one JVM, through the same HikariCP pool. Prints round trips and milliseconds per run.
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.TrackingOverheadBenchmark</pre>
 */
public final class TrackingOverheadBenchmark {

    static final String URL = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int RUNS = Integer.getInteger("bench.runs", 2_000);

    private TrackingOverheadBenchmark() {
    }

    @TrackedScript(id = "bench_insert_one_row")
    public static class InsertOneRow implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.handle().execute("insert into bench_items (source) values ('tracked')");
        }
    }

    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Jdbi.create(pool).useHandle(h -> h.execute("drop schema if exists bench cascade; create schema bench;"
                    + " create table bench.bench_items (id bigserial primary key, source varchar(10))"));
            pool.close();
            config.setJdbcUrl(URL + "&currentSchema=bench");
            try (HikariDataSource benchPool = new HikariDataSource(config)) {
                measure(benchPool);
            }
        }
    }

    private static void measure(DataSource pool) {
        RoundTripCounter counter = new RoundTripCounter();
        DataSource counted = counter.wrap(pool);
        Jdbi bare = Jdbi.create(counted);
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(counted).register(InsertOneRow.class).build()) {
            Runnable bareRun = () -> bare.useTransaction(h -> h.execute("insert into bench_items (source) values ('bare')"));
            Runnable trackedRun = () -> {
                if (tracker.run("bench_insert_one_row", RunOptions.defaults().withForce()).outcome() != RunOutcome.SUCCEEDED) {
                    throw new IllegalStateException("the tracked run did not succeed");
                }
            };
            for (int i = 0; i < WARMUP; i++) {
                bareRun.run();
                trackedRun.run();
            }
            long[] bareNanos = new long[RUNS];
            long[] trackedNanos = new long[RUNS];
            long bareTrips = 0;
            long trackedTrips = 0;
            for (int i = 0; i < RUNS; i++) {
                long trips = counter.trips();
                long start = System.nanoTime();
                bareRun.run();
                bareNanos[i] = System.nanoTime() - start;
                bareTrips += counter.trips() - trips;
                trips = counter.trips();
                start = System.nanoTime();
                trackedRun.run();
                trackedNanos[i] = System.nanoTime() - start;
                trackedTrips += counter.trips() - trips;
            }
            report("bare body in a transaction", bareNanos, bareTrips);
            report("tracked SCRIPT-mode run", trackedNanos, trackedTrips);
            System.out.printf(Locale.ROOT, "overhead per run: %.2f round trips, %.3f ms (median), %.3f ms (mean)%n",
                    (trackedTrips - bareTrips) / (double) RUNS, (median(trackedNanos) - median(bareNanos)) / 1e6,
                    (mean(trackedNanos) - mean(bareNanos)) / 1e6);
        }
    }

    private static void report(String what, long[] nanos, long trips) {
        System.out.printf(Locale.ROOT, "%-28s runs=%d round trips/run=%.2f median=%.3f ms p90=%.3f ms mean=%.3f ms%n",
                what, nanos.length, trips / (double) nanos.length, median(nanos) / 1e6, percentile(nanos, 0.9) / 1e6,
                mean(nanos) / 1e6);
    }

    private static double median(long[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
