package dev.scripttracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunReport;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code runPending()} of N one-statement scripts against Flyway's {@code migrate()} of N Java
 * migrations doing the same statement ({@code insert into bench_rows values (k)}), on PostgreSQL and
 * MariaDB, through a plain (non-pooling) DataSource and through HikariCP (4 connections), in one JVM,
 * alternating sides, each run in a fresh schema (PostgreSQL) or database (MariaDB) dropped after it.
 * Timed from the start of {@code ScriptTracker.builder()...build()} to the end of {@code close()} after
 * {@code runPending()}, and from {@code Flyway.configure(...)} to the end of {@code migrate()}: both
 * sides find their code (registry or classpath scan), create their tables and run the N statements.
 * The default sizes are 10 and 200: with a plain DataSource on PostgreSQL a run of 2,000 scripts took
 * 77 s with the runtime of 2026-11-25 (and Flyway 26 s), so N = 2,000 ({@code -Dbench.n=2000
 * -Dbench.rounds=3}) would take the default run far past 10 minutes on a 2-core machine.
 * Counts the physical connections each side opened per run and, for HikariCP, the connections it
 * borrowed from the pool. Uses only the public API of both tools, so it measures whatever is built.
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.RunPendingVsFlywayBenchmark</pre>
 *
 * Options: {@code -Dbench.n=10,200 -Dbench.rounds=5 -Dbench.warmup=1
 * -Dbench.databases=postgres,mariadb -Dbench.kinds=plain,hikari -Dbench.flyway.discovery=scan|list
 * -Dbench.postgres.url=jdbc:postgresql://127.0.0.1:5432/test?user=postgres
 * -Dbench.mariadb.url=jdbc:mariadb://127.0.0.1:3306/test?user=root}
 */
public final class RunPendingVsFlywayBenchmark {

    static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.n", "10,200").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    static final List<String> DATABASES = List.of(System.getProperty("bench.databases", "postgres,mariadb").split(","));
    static final List<String> KINDS = List.of(System.getProperty("bench.kinds", "plain,hikari").split(","));
    /** scan: Flyway finds the migrations in {@code classpath:db/bench} (its usual set-up); list: {@code javaMigrations(...)}. */
    static final String DISCOVERY = System.getProperty("bench.flyway.discovery", "scan");
    static final String POSTGRES_URL = System.getProperty("bench.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String MARIADB_URL = System.getProperty("bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
    static final int POOL_SIZE = 4;

    private static int schemas;

    private RunPendingVsFlywayBenchmark() {
    }

    /** One run's figures. */
    record Run(long nanos, long opened, long borrowed) {
    }

    /** One table row: a database, a DataSource kind, a size, the measured rounds of both sides. */
    record Row(String database, String kind, int n, List<Run> flyway, List<Run> tracker) {
    }

    public static void main(String[] args) throws Exception {
        // Both tools log each migration / script at INFO through SLF4J; neither pays for printing here.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // MariaDB's driver logs the tracker's probe for its not-yet-created tables at WARN, once per run.
        System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error");
        System.out.printf(Locale.ROOT, "sizes %s, %d rounds + %d warm-up, databases %s, DataSources %s, Flyway discovery: %s%n",
                SIZES, ROUNDS, WARMUP, DATABASES, KINDS, DISCOVERY);
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        for (int n : SIZES) {
            long compile = System.nanoTime();
            try (PendingModule module = PendingModule.build(n)) {
                System.out.printf(Locale.ROOT, "N=%d: %d scripts and %d migrations compiled in %.1f s%n", n, n, n,
                        (System.nanoTime() - compile) / 1e9);
                for (String database : DATABASES) {
                    for (String kind : KINDS) {
                        rows.add(measure(database.trim(), kind.trim(), module));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nall done in %.1f s%n%n", (System.nanoTime() - start) / 1e9);
        printTable(rows);
    }

    private static Row measure(String database, String kind, PendingModule module) throws Exception {
        List<Run> flyway = new ArrayList<>();
        List<Run> tracker = new ArrayList<>();
        for (int round = 0; round < WARMUP + ROUNDS; round++) {
            boolean flywayFirst = round % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean isFlyway = (side == 0) == flywayFirst;
                Run run = once(database, kind, module, isFlyway);
                if (round >= WARMUP) {
                    (isFlyway ? flyway : tracker).add(run);
                }
            }
        }
        Row row = new Row(database, kind, module.size(), flyway, tracker);
        System.out.printf(Locale.ROOT, "%-8s %-6s N=%-5d Flyway %9.1f ms  script-tracker %9.1f ms  st/Flyway %.2f"
                        + "  opened %s / %s  borrowed %s / %s%n", database, kind, module.size(), medianMs(flyway),
                medianMs(tracker), medianMs(tracker) / medianMs(flyway), perRun(flyway, Run::opened),
                perRun(tracker, Run::opened), perRun(flyway, Run::borrowed), perRun(tracker, Run::borrowed));
        return row;
    }

    /** One side's run in a fresh schema: set-up and checks outside the timing. */
    private static Run once(String database, String kind, PendingModule module, boolean isFlyway) throws Exception {
        String schema = "bench_pending_" + (++schemas);
        DataSource admin = plain(database, null);
        exec(admin, database.equals("postgres") ? "create schema " + schema : "create database " + schema);
        try {
            DataSource target = plain(database, schema);
            exec(target, "create table bench_rows (k int primary key)");
            ConnectionCounter physical = new ConnectionCounter();
            AtomicLong borrowed = new AtomicLong(-1);
            HikariDataSource pool = null;
            DataSource handedOver;
            if (kind.equals("hikari")) {
                pool = pool(physical.wrap(target), borrowed);
                handedOver = pool;
            } else if (kind.equals("plain")) {
                handedOver = physical.wrap(target);
            } else {
                throw new IllegalArgumentException("bench.kinds: plain or hikari, not " + kind);
            }
            try {
                long openedBefore = physical.count();
                long borrowedBefore = borrowed.get();
                long start = System.nanoTime();
                if (isFlyway) {
                    MigrateResult result = flyway(handedOver, module).load().migrate();
                    long nanos = System.nanoTime() - start;
                    if (!result.success || result.migrationsExecuted != module.size()) {
                        throw new IllegalStateException("Flyway ran " + result.migrationsExecuted + " of " + module.size()
                                + " migrations (success: " + result.success + ")");
                    }
                    return checked(target, module, nanos, physical.count() - openedBefore, borrowed.get() - borrowedBefore);
                }
                RunReport report;
                try (ScriptTracker tracker = ScriptTracker.builder().dataSource(handedOver).classLoader(module.loader())
                        .build()) {
                    report = tracker.runPending();
                }
                long nanos = System.nanoTime() - start;
                List<RunResult> results = report.results();
                long succeeded = results.stream().filter(r -> r.outcome() == RunOutcome.SUCCEEDED).count();
                if (results.size() != module.size() || succeeded != module.size()) {
                    throw new IllegalStateException("runPending ran " + results.size() + " scripts, " + succeeded
                            + " succeeded, of " + module.size() + ": " + results.stream()
                            .filter(r -> r.outcome() != RunOutcome.SUCCEEDED).limit(3).toList());
                }
                return checked(target, module, nanos, physical.count() - openedBefore, borrowed.get() - borrowedBefore);
            } finally {
                if (pool != null) {
                    pool.close();
                }
            }
        } finally {
            exec(admin, database.equals("postgres") ? "drop schema " + schema + " cascade" : "drop database " + schema);
        }
    }

    private static FluentConfiguration flyway(DataSource dataSource, PendingModule module) throws ReflectiveOperationException {
        // The schema already holds bench_rows (made outside the timing, for both sides), so Flyway is told to
        // adopt it, as on an existing database: one baseline row (version 0) before migration 1.
        FluentConfiguration config = Flyway.configure(module.loader()).dataSource(dataSource)
                .baselineOnMigrate(true).baselineVersion("0");
        if (DISCOVERY.equals("list")) {
            JavaMigration[] migrations = new JavaMigration[module.size()];
            List<String> names = module.migrationClasses();
            for (int i = 0; i < migrations.length; i++) {
                migrations[i] = (JavaMigration) module.loader().loadClass(names.get(i)).getConstructor().newInstance();
            }
            // No location to scan: only the given migrations.
            return config.locations(new String[0]).javaMigrations(migrations);
        }
        if (!DISCOVERY.equals("scan")) {
            throw new IllegalArgumentException("bench.flyway.discovery: scan or list, not " + DISCOVERY);
        }
        return config.locations(PendingModule.FLYWAY_LOCATION);
    }

    private static Run checked(DataSource target, PendingModule module, long nanos, long opened, long borrowed)
            throws SQLException {
        try (Connection c = target.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), coalesce(sum(k), 0) from bench_rows")) {
            rs.next();
            long n = module.size();
            if (rs.getLong(1) != n || rs.getLong(2) != n * (n + 1) / 2) {
                throw new IllegalStateException("bench_rows has " + rs.getLong(1) + " rows, not " + n);
            }
        }
        return new Run(nanos, opened, borrowed);
    }

    /** A started HikariCP pool of 4 over {@code physical}, filled before the timing starts, as at an application's start. */
    private static HikariDataSource pool(DataSource physical, AtomicLong borrowed) throws InterruptedException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(physical);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("bench");
        borrowed.set(0);
        config.setMetricsTrackerFactory((name, stats) -> new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                borrowed.incrementAndGet();
            }
        });
        HikariDataSource pool = new HikariDataSource(config);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (pool.getHikariPoolMXBean().getIdleConnections() < POOL_SIZE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pool did not fill: " + pool.getHikariPoolMXBean().getIdleConnections());
            }
            Thread.sleep(5);
        }
        return pool;
    }

    /** The non-pooling DataSource of the database, on {@code schema} (the server's default when null). */
    static DataSource plain(String database, String schema) throws SQLException {
        switch (database) {
            case "postgres" -> {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(POSTGRES_URL);
                if (schema != null) {
                    ds.setCurrentSchema(schema);
                }
                return ds;
            }
            case "mariadb" -> {
                return new MariaDbDataSource(schema == null ? MARIADB_URL : withDatabase(MARIADB_URL, schema));
            }
            default -> throw new IllegalArgumentException("bench.databases: postgres or mariadb, not " + database);
        }
    }

    /** {@code jdbc:mariadb://host:port/db?params} with {@code db} replaced. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//") + 2;
        int slash = url.indexOf('/', hosts);
        int query = url.indexOf('?', hosts);
        String params = query < 0 ? "" : url.substring(query);
        String authority = url.substring(0, slash >= 0 && (query < 0 || slash < query) ? slash : (query < 0 ? url.length() : query));
        return authority + "/" + database + params;
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void printTable(List<Row> rows) {
        System.out.printf(Locale.ROOT, "Medians of %d rounds (after %d warm-up), ms per run; connections per run: Flyway / script-tracker"
                + " (median; min–max when they differ)%n%n", ROUNDS, WARMUP);
        System.out.println("| database | DataSource | N | Flyway | script-tracker | **st / Flyway** | per round: st / Flyway"
                + " median (min–max) | physical connections opened: Flyway / st | pool borrows: Flyway / st |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            double[] ratios = new double[row.flyway().size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = row.tracker().get(i).nanos() / (double) row.flyway().get(i).nanos();
            }
            boolean pooled = row.kind().equals("hikari");
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,.1f ms | %,.1f ms | **%.2f** | %.2f (%.2f–%.2f) | %s / %s | %s |%n",
                    row.database().equals("postgres") ? "PostgreSQL" : "MariaDB",
                    pooled ? "HikariCP, " + POOL_SIZE + " connections" : row.database().equals("postgres")
                            ? "plain `PGSimpleDataSource`" : "plain `MariaDbDataSource`",
                    row.n(), medianMs(row.flyway()), medianMs(row.tracker()), medianMs(row.tracker()) / medianMs(row.flyway()),
                    median(ratios), Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0),
                    perRun(row.flyway(), Run::opened), perRun(row.tracker(), Run::opened),
                    pooled ? perRun(row.flyway(), Run::borrowed) + " / " + perRun(row.tracker(), Run::borrowed) : "");
        }
    }

    private static String perRun(List<Run> runs, java.util.function.ToLongFunction<Run> what) {
        long[] values = runs.stream().mapToLong(what).sorted().toArray();
        long median = values[values.length / 2];
        return values[0] == values[values.length - 1] ? String.format(Locale.ROOT, "%,d", median)
                : String.format(Locale.ROOT, "%,d (%,d–%,d)", median, values[0], values[values.length - 1]);
    }

    private static double medianMs(List<Run> runs) {
        return median(runs.stream().mapToDouble(Run::nanos).toArray()) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
