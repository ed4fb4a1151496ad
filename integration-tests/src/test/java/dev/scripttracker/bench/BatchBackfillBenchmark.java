package dev.scripttracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scripttracker.Batches;
import dev.scripttracker.Row;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.StatementCount;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A keyset backfill of 1,000,000 rows on loopback PostgreSQL, {@code counter = counter + 1} for
 * every row, two ways, alternating, in one JVM, through the same HikariCP pool:
 *
 * <ul>
 * <li><b>BATCH</b>: {@code tracker.run(id)} of a registered {@code Transaction.BATCH} script,
 * {@code ctx.batches("select id from bench_rows order by id").size(n).forEach((batch, h) ->
 * h.createUpdate("update bench_rows set counter = counter + 1 where id in (<ids>)").bindList("ids",
 * batch.ids()).execute())}: each batch's page, work and checkpoint commit together.</li>
 * <li><b>raw JDBC</b>: the loop a careful person writes by hand: autocommit off, {@code select id from
 * bench_rows where id > ? order by id limit n}, {@code update bench_rows set counter = counter + 1
 * where id in (?, ?, ...)} (the statement JDBI renders for the script, prepared once per batch size),
 * commit per batch. No checkpoint, so it cannot resume.</li>
 * <li>optionally (<code>-Dbench.sides=RAW,BATCH,JDBI</code>) <b>JDBI</b>: the raw loop written with JDBI as
 * the runtime drives its handle ({@code begin}, page query, the script's update, {@code commit}), no
 * tracker: it splits BATCH mode's overhead into JDBI's and the runtime's.</li>
 * </ul>
 *
 * {@code -Dbench.statement=any} makes every side update with {@code where id = any(?)}, one array
 * parameter ({@code bindArray("ids", Long.class, batch.ids())} in the script) instead of one parameter
 * per row.
 *
 * Before every run (warm-up included) the table is created afresh ({@code create table}, insert
 * 1,000,000 rows, primary key, {@code vacuum analyze}, the tracker's tables vacuumed too, then
 * {@code checkpoint}), so each run starts from the same state. After every run each row's counter
 * must be exactly 1 and the update must have reported every row once. Batch sizes are interleaved
 * per repetition and the order of the sides rotates each time. Round trips (statement
 * executions, commits, rollbacks) and the time spent waiting for them are counted per kind (page
 * query, update, checkpoint, commit, other) through a JDBC proxy under the pool, the same one on
 * every side; the rest of a run's time is the client's (the JVM's garbage collection is shown apart).
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.BatchBackfillBenchmark</pre>
 *
 * Options: {@code -Dbench.url=jdbc:postgresql://...} (a schema {@code bench_batch} is created there
 * and dropped at the end), {@code -Dbench.rows=1000000 -Dbench.sizes=100,1000,10000
 * -Dbench.reps=7 -Dbench.warmupRows=200000 -Dbench.sides=RAW,BATCH -Dbench.statement=in
 * -Dbench.keepSchema=false}.
 */
public final class BatchBackfillBenchmark {

    static final String URL = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String SCHEMA = "bench_batch";
    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int WARMUP_ROWS = Integer.getInteger("bench.warmupRows", 200_000);
    static final int REPS = Integer.getInteger("bench.reps", 7);
    static final List<Integer> SIZES = Arrays.stream(System.getProperty("bench.sizes", "100,1000,10000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    static final boolean KEEP_SCHEMA = Boolean.getBoolean("bench.keepSchema");
    /**
     * {@code in}: {@code where id in (?, ?, ...)}, one parameter per row, the script binding with JDBI's
     * {@code bindList}; {@code any}: {@code where id = any(?)}, one array, the script binding with
     * {@code bindArray}; {@code jdbc}: as {@code in}, the script using a JDBC statement on its handle's
     * connection, prepared once per run and bound like the raw loop's, so both sides update alike.
     */
    static final String STATEMENT = System.getProperty("bench.statement", "in");
    /** RAW and BATCH by default; JDBI adds the raw loop written with JDBI (no tracker), to split the overhead. */
    static final List<Side> SIDES = Arrays.stream(System.getProperty("bench.sides", "RAW,BATCH").split(","))
            .map(String::trim).map(Side::valueOf).toList();

    static final String SCRIPT_ID = "bench_batch_backfill";

    private BatchBackfillBenchmark() {
    }

    /** The tracked side: what a user writes for this backfill. */
    @TrackedScript(id = SCRIPT_ID, transaction = Transaction.BATCH, timeout = "PT1H",
            description = "benchmark: counter + 1 for every row of bench_rows, in keyset batches")
    public static class Backfill implements Script {

        /** Rows the updates reported, for {@code jdbc}: JDBC statements are not in the run's statement counts. */
        static final AtomicLong JDBC_UPDATED = new AtomicLong();

        @Override
        public void run(ScriptContext ctx) throws SQLException {
            int size = Integer.parseInt(ctx.requireParameter("size"));
            Batches<Row> batches = ctx.batches("select id from bench_rows order by id").size(size);
            switch (ctx.requireParameter("statement")) {
                case "any" -> batches.forEach((batch, h) -> h.createUpdate("update bench_rows set counter = counter + 1"
                        + " where id = any(:ids)").bindArray("ids", Long.class, batch.ids()).execute());
                case "jdbc" -> {
                    try (PreparedStatement full = ctx.handle().getConnection().prepareStatement(Bench.update(size))) {
                        batches.forEach((batch, h) -> {
                            if (batch.ids().size() == size) {
                                JDBC_UPDATED.addAndGet(updateIds(full, batch.ids()));
                                return;
                            }
                            try (PreparedStatement last = h.getConnection().prepareStatement(Bench.update(batch.ids().size()))) {
                                JDBC_UPDATED.addAndGet(updateIds(last, batch.ids()));
                            }
                        });
                    }
                }
                default -> batches.forEach((batch, h) -> h.createUpdate("update bench_rows set counter = counter + 1"
                        + " where id in (<ids>)").bindList("ids", batch.ids()).execute());
            }
        }

        private static int updateIds(PreparedStatement update, List<Object> ids) throws SQLException {
            long[] values = new long[ids.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (Long) ids.get(i);
            }
            return Bench.update(update, values, values.length);
        }
    }

    enum Side {
        RAW("raw JDBC keyset loop"), BATCH("BATCH mode (tracker.run)"), JDBI("JDBI keyset loop (no tracker)");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    /** One measured run: its time, and the round trips it made by kind. */
    record Run(Side side, int size, int rows, long nanos, long batches, Timer.Snapshot trips, long gcMillis) {

        double rowsPerSecond() {
            return rows * 1e9 / nanos;
        }
    }

    public static void main(String[] args) throws Exception {
        try (Connection admin = DriverManager.getConnection(URL)) {
            admin.setAutoCommit(true);
            execute(admin, "drop schema if exists " + SCHEMA + " cascade", "create schema " + SCHEMA);
            describeMachine(admin);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
            config.setMaximumPoolSize(4);
            Timer timer = new Timer();
            try (HikariDataSource pool = new HikariDataSource(config);
                    ScriptTracker tracker = ScriptTracker.builder().dataSource(timer.wrap(pool))
                            .register(Backfill.class).build()) {
                DataSource timed = timer.wrap(pool);
                Bench bench = new Bench(admin, tracker, timed, timer);
                int order = 0;
                for (int size : SIZES) {
                    for (Side side : rotate(SIDES, order++)) {
                        Run run = bench.measure(side, size, WARMUP_ROWS);
                        System.out.println("warm-up  " + line(run));
                    }
                }
                List<Run> runs = new ArrayList<>();
                for (int rep = 0; rep < REPS; rep++) {
                    for (int size : SIZES) {
                        for (Side side : rotate(SIDES, order++)) {
                            Run run = bench.measure(side, size, ROWS);
                            runs.add(run);
                            System.out.println("rep " + (rep + 1) + "    " + line(run) + "  load " + loadAverage());
                        }
                    }
                }
                report(runs);
            }
        } finally {
            if (!KEEP_SCHEMA) {
                try (Connection admin = DriverManager.getConnection(URL)) {
                    execute(admin, "drop schema if exists " + SCHEMA + " cascade");
                }
            }
        }
    }

    /** The sides in turn, one step further each call: for two, A B then B A; for three, A B C, B C A, C A B. */
    static List<Side> rotate(List<Side> sides, int turn) {
        List<Side> rotated = new ArrayList<>(sides);
        Collections.rotate(rotated, -(turn % sides.size()));
        return rotated;
    }

    /** The sides over the same, freshly created table. */
    private record Bench(Connection admin, ScriptTracker tracker, DataSource pool, Timer timer) {

        Run measure(Side side, int size, int rows) throws SQLException {
            freshTable(rows);
            System.gc();
            timer.reset();
            long gcBefore = gcMillis();
            long start = System.nanoTime();
            long[] result = switch (side) {
                case RAW -> rawLoop(size);
                case BATCH -> tracked(size, rows);
                case JDBI -> jdbiLoop(size);
            };
            long nanos = System.nanoTime() - start;
            Timer.Snapshot trips = timer.snapshot();
            long gc = gcMillis() - gcBefore;
            verify(side, rows, result[1]);
            return new Run(side, size, rows, nanos, result[0], trips, gc);
        }

        /** @return batches, rows the updates reported */
        private long[] rawLoop(int size) throws SQLException {
            long batches = 0;
            long updated = 0;
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement page = c.prepareStatement("select id from bench_rows where id > ? order by id"
                        + " limit " + size);
                        PreparedStatement fullUpdate = c.prepareStatement(update(any() ? 1 : size))) {
                    long last = Long.MIN_VALUE;
                    long[] ids = new long[size];
                    while (true) {
                        page.setLong(1, last);
                        int n = 0;
                        try (ResultSet rs = page.executeQuery()) {
                            while (rs.next()) {
                                ids[n++] = rs.getLong(1);
                            }
                        }
                        if (n == 0) {
                            c.commit();
                            break;
                        }
                        if (n == size || any()) {
                            updated += update(fullUpdate, ids, n);
                        } else {
                            try (PreparedStatement partial = c.prepareStatement(update(n))) {
                                updated += update(partial, ids, n);
                            }
                        }
                        c.commit();
                        last = ids[n - 1];
                        batches++;
                    }
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return new long[] {batches, updated};
        }

        static boolean any() {
            return STATEMENT.equals("any");
        }

        static String update(int n) {
            return any() ? "update bench_rows set counter = counter + 1 where id = any(?)"
                    : "update bench_rows set counter = counter + 1 where id in ("
                            + String.join(", ", Collections.nCopies(n, "?")) + ")";
        }

        static int update(PreparedStatement update, long[] ids, int n) throws SQLException {
            if (any()) {
                Long[] values = new Long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = ids[i];
                }
                update.setArray(1, update.getConnection().createArrayOf("bigint", values));
            } else {
                for (int i = 0; i < n; i++) {
                    update.setLong(i + 1, ids[i]);
                }
            }
            return update.executeUpdate();
        }

        /** The raw loop written with JDBI, as the runtime drives it (begin, page, work, commit), no tracker. */
        private long[] jdbiLoop(int size) {
            long[] batchesAndUpdated = new long[2];
            Jdbi.create(pool).useHandle(h -> {
                Long last = Long.MIN_VALUE;
                while (true) {
                    h.begin();
                    List<Object> ids = new ArrayList<>(h.createQuery("select id from bench_rows where id > :last"
                            + " order by id limit " + size).bind("last", last).mapTo(Long.class).list());
                    if (ids.isEmpty()) {
                        h.commit();
                        break;
                    }
                    batchesAndUpdated[1] += any()
                            ? h.createUpdate("update bench_rows set counter = counter + 1 where id = any(:ids)")
                                    .bindArray("ids", Long.class, ids).execute()
                            : h.createUpdate("update bench_rows set counter = counter + 1 where id in (<ids>)")
                                    .bindList("ids", ids).execute();
                    h.commit();
                    last = (Long) ids.get(ids.size() - 1);
                    batchesAndUpdated[0]++;
                }
            });
            return batchesAndUpdated;
        }

        private long[] tracked(int size, int rows) {
            RunResult result = tracker.run(SCRIPT_ID, RunOptions.defaults().withForce()
                    .withParameter("size", Integer.toString(size)).withParameter("statement", STATEMENT));
            if (result.outcome() != RunOutcome.SUCCEEDED) {
                throw new IllegalStateException("the tracked run did not succeed: " + result.message(), result.error());
            }
            if (STATEMENT.equals("jdbc")) {
                return new long[] {(rows + size - 1) / size, Backfill.JDBC_UPDATED.getAndSet(0)};
            }
            long executions = 0;
            long updated = 0;
            for (StatementCount count : result.statements()) {
                if (count.sql().startsWith("update bench_rows")) {
                    executions += count.executions();
                    updated += count.rowsAffected();
                }
            }
            return new long[] {executions, updated};
        }

        /** Every row incremented exactly once, and the updates said so. */
        private void verify(Side side, int rows, long updated) throws SQLException {
            try (Statement s = admin.createStatement();
                    ResultSet rs = s.executeQuery("select count(*), count(*) filter (where counter = 1), min(counter),"
                            + " max(counter) from " + SCHEMA + ".bench_rows")) {
                rs.next();
                if (rs.getLong(1) != rows || rs.getLong(2) != rows || updated != rows) {
                    throw new IllegalStateException(side.label + ": expected " + rows + " rows with counter = 1, found "
                            + rs.getLong(2) + " of " + rs.getLong(1) + " (counter from " + rs.getLong(3) + " to "
                            + rs.getLong(4) + "); the updates reported " + updated + " rows");
                }
            }
        }

        /** The same state before every run: a new table, vacuumed and analyzed, everything flushed. */
        private void freshTable(int rows) throws SQLException {
            String table = SCHEMA + ".bench_rows";
            execute(admin, "drop table if exists " + table,
                    "create table " + table + " (id bigint not null, counter int not null, payload text not null)",
                    "insert into " + table + " select g, 0, md5(g::text) from generate_series(1, " + rows + ") g",
                    "alter table " + table + " add primary key (id)",
                    "vacuum (analyze) " + table);
            try (Statement s = admin.createStatement();
                    ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = '" + SCHEMA + "'"
                            + " and tablename <> 'bench_rows'")) {
                List<String> store = new ArrayList<>();
                while (rs.next()) {
                    store.add("vacuum (analyze) " + SCHEMA + "." + rs.getString(1));
                }
                execute(admin, store.toArray(String[]::new));
            }
            execute(admin, "checkpoint");
        }
    }

    /** Garbage collection time so far (pauses, and for G1 the young collections that stop the application). */
    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(t -> t > 0).sum();
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String line(Run run) {
        Timer.Snapshot t = run.trips();
        return String.format(Locale.ROOT, "%-30s size %,6d: %,9.0f rows/s  %7.2f s  %,6d batches  %.2f round trips/batch"
                        + "  (%s)  gc %d ms", run.side().label, run.size(), run.rowsPerSecond(), run.nanos() / 1e9,
                run.batches(), t.total() / (double) run.batches(), t.describe(run.batches()), run.gcMillis());
    }

    private static void report(List<Run> runs) {
        System.out.println();
        System.out.printf(Locale.ROOT, "median of %d runs of %,d rows each, statement \"%s\"; load now %s%n", REPS, ROWS,
                STATEMENT, loadAverage());
        System.out.println("| batch size | side | rows/s (median) | min-max | round trips / batch |");
        System.out.println("|---|---|---|---|---|");
        for (int size : SIZES) {
            for (Side side : SIDES) {
                double[] rates = of(runs, size, side).stream().mapToDouble(Run::rowsPerSecond).sorted().toArray();
                System.out.printf(Locale.ROOT, "| %,d | %s | %,.0f | %,.0f-%,.0f | %.2f |%n", size, side.label,
                        median(rates), rates[0], rates[rates.length - 1], tripsPerBatch(of(runs, size, side)));
            }
        }
        System.out.println();
        System.out.println("| batch size | ratio | of medians | per run pair: median | min-max |");
        System.out.println("|---|---|---|---|---|");
        for (int size : SIZES) {
            ratio(runs, size, Side.BATCH, Side.RAW);
            ratio(runs, size, Side.JDBI, Side.RAW);
            ratio(runs, size, Side.BATCH, Side.JDBI);
        }
        System.out.println();
        System.out.println("where the time goes, ms per batch (each the median over the runs): waiting for each kind"
                + " of round trip, and the rest (the client)");
        for (int size : SIZES) {
            for (Side side : SIDES) {
                List<Run> these = of(runs, size, side);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  size %,6d %-30s total %.3f", size,
                        side.label, median(these.stream().mapToDouble(r -> r.nanos() / 1e6 / r.batches()).toArray())));
                long waited = 0;
                for (Timer.Kind kind : Timer.Kind.values()) {
                    if (these.get(0).trips().byKind().get(kind)[0] > 0) {
                        line.append(String.format(Locale.ROOT, ", %s %.3f", kind.label, median(these.stream()
                                .mapToDouble(r -> r.trips().byKind().get(kind)[1] / 1e6 / r.batches()).toArray())));
                    }
                }
                line.append(String.format(Locale.ROOT, ", client %.3f", median(these.stream().mapToDouble(r -> (r.nanos()
                        - r.trips().byKind().values().stream().mapToLong(v -> v[1]).sum()) / 1e6 / r.batches()).toArray())));
                line.append(String.format(Locale.ROOT, " (garbage collection, in any of these: %.3f)",
                        median(these.stream().mapToDouble(r -> r.gcMillis() / (double) r.batches()).toArray())));
                System.out.println(line);
            }
        }
    }

    private static List<Run> of(List<Run> runs, int size, Side side) {
        return runs.stream().filter(r -> r.size() == size && r.side() == side).toList();
    }

    private static void ratio(List<Run> runs, int size, Side a, Side b) {
        if (!SIDES.contains(a) || !SIDES.contains(b)) {
            return;
        }
        List<Run> as = of(runs, size, a);
        List<Run> bs = of(runs, size, b);
        double[] pairs = new double[as.size()];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = as.get(i).rowsPerSecond() / bs.get(i).rowsPerSecond();
        }
        Arrays.sort(pairs);
        System.out.printf(Locale.ROOT, "| %,d | %s / %s | **%.3f** | %.3f | %.3f-%.3f |%n", size, a, b,
                median(as.stream().mapToDouble(Run::rowsPerSecond).toArray())
                        / median(bs.stream().mapToDouble(Run::rowsPerSecond).toArray()),
                median(pairs), pairs[0], pairs[pairs.length - 1]);
    }

    private static double tripsPerBatch(List<Run> runs) {
        return runs.stream().mapToDouble(r -> r.trips().total() / (double) r.batches()).average().orElse(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static void describeMachine(Connection admin) throws SQLException {
        StringBuilder settings = new StringBuilder();
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("select version(), current_setting('synchronous_commit'),"
                        + " current_setting('shared_buffers'), current_setting('fsync')")) {
            rs.next();
            settings.append(rs.getString(1)).append("; synchronous_commit=").append(rs.getString(2))
                    .append(", shared_buffers=").append(rs.getString(3)).append(", fsync=").append(rs.getString(4));
        }
        System.out.printf(Locale.ROOT, "%d cores, %,d MiB max heap, Java %s (%s), load %s%n%s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), System.getProperty("java.vm.name"), loadAverage(), settings);
    }

    /**
     * Counts and times, by kind, the round trips {@link RoundTripCounter} sees: statement executions,
     * commits and rollbacks. The kind comes from the SQL.
     */
    static final class Timer {

        enum Kind {
            PAGE("select page"), WORK("update rows"), CHECKPOINT("checkpoint update"), COMMIT("commit"),
            OTHER("other");

            final String label;

            Kind(String label) {
                this.label = label;
            }
        }

        private final AtomicLongArray counts = new AtomicLongArray(Kind.values().length);
        private final AtomicLongArray nanos = new AtomicLongArray(Kind.values().length);

        record Snapshot(Map<Kind, long[]> byKind) {

            long total() {
                return byKind.values().stream().mapToLong(v -> v[0]).sum();
            }

            String describe(long batches) {
                return byKind.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey().label, e.getValue()[0] / (double) batches))
                        .collect(Collectors.joining(", "));
            }
        }

        void reset() {
            for (int i = 0; i < counts.length(); i++) {
                counts.set(i, 0);
                nanos.set(i, 0);
            }
        }

        Snapshot snapshot() {
            Map<Kind, long[]> byKind = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                byKind.put(kind, new long[] {counts.get(kind.ordinal()), nanos.get(kind.ordinal())});
            }
            return new Snapshot(byKind);
        }

        static Kind kindOf(String sql) {
            String s = sql.strip().toLowerCase(Locale.ROOT);
            if (s.contains("set checkpoint")) {
                return Kind.CHECKPOINT;
            }
            if (s.startsWith("update bench_rows")) {
                return Kind.WORK;
            }
            if (s.startsWith("select") && s.contains("bench_rows") && s.contains(" limit ")) {
                return Kind.PAGE;
            }
            return Kind.OTHER;
        }

        private final RoundTripCounter counter = new RoundTripCounter(this::record);

        DataSource wrap(DataSource target) {
            return counter.wrap(target);
        }

        private void record(String what, long elapsed) {
            Kind kind = what == null || what.equals("rollback") ? Kind.OTHER
                    : what.equals("commit") ? Kind.COMMIT : kindOf(what);
            nanos.addAndGet(kind.ordinal(), elapsed);
            counts.incrementAndGet(kind.ordinal());
        }
    }
}
