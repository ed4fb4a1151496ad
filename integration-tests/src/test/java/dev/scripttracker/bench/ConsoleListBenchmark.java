package dev.scripttracker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.console.Console;
import dev.scripttracker.console.ConsoleRequest;
import dev.scripttracker.console.ConsoleResponse;
import dev.scripttracker.console.ConsoleSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Server time of the web console's scripts page over 1,000 scripts that ran, with 100,000 history rows
 * (100 attempts each) and a 2,000-character output per row, on loopback PostgreSQL: the page rendered
 * in process by {@link Console#handle} (what the HTTP server calls), timed from request to bytes, with
 * every statement it sends counted and listed. Also the rows the page fetches every second, and one
 * script's page with its 100 attempts.
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.ConsoleListBenchmark</pre>
 */
public final class ConsoleListBenchmark {

    static final String URL = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final int SCRIPTS = Integer.getInteger("bench.scripts", 1_000);
    static final int ATTEMPTS = Integer.getInteger("bench.attempts", 100);
    static final int OUTPUT_CHARS = Integer.getInteger("bench.outputChars", 2_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    static final int RUNS = Integer.getInteger("bench.runs", 100);

    private ConsoleListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMaximumPoolSize(4);
        try (HikariDataSource admin = new HikariDataSource(config)) {
            Jdbi.create(admin).useHandle(h -> h.execute("drop schema if exists bench_console cascade;"
                    + " create schema bench_console; create table bench_console.bench_rows (k integer)"));
        }
        config.setJdbcUrl(URL + "&currentSchema=bench_console");
        try (HikariDataSource pool = new HikariDataSource(config); PendingModule module = PendingModule.build(SCRIPTS)) {
            Map<String, Integer> statements = new LinkedHashMap<>();
            RoundTripCounter counter = new RoundTripCounter((what, nanos) -> {
                synchronized (statements) {
                    statements.merge(String.valueOf(what), 1, Integer::sum);
                }
            });
            try (ScriptTracker tracker = ScriptTracker.builder().dataSource(counter.wrap(pool))
                    .classLoader(module.loader()).build()) {
                long started = System.nanoTime();
                tracker.runPending();
                fill(Jdbi.create(pool));
                System.out.printf(Locale.ROOT, "set up: %,d scripts ran, %,d history rows, in %.1f s%n", SCRIPTS,
                        count(pool, "tracked_scripts_history"), (System.nanoTime() - started) / 1e9);
                try (Console console = new Console(tracker, ConsoleSettings.defaults())) {
                    String oneScript = "/scripts/" + PendingModule.scriptId(SCRIPTS / 2);
                    measure("scripts page  GET /", console, "/", counter, statements);
                    measure("live rows     GET /rows", console, "/rows", counter, statements);
                    measure("filtered      GET /?status=failed&q=0042", console, "/", Map.of("status", "failed", "q",
                            "0042"), counter, statements);
                    measure("script page   GET " + oneScript, console, oneScript, counter, statements);
                }
            }
        }
    }

    /** Every script's row and history rows as after {@value #ATTEMPTS} attempts, each with an output. */
    private static void fill(Jdbi jdbi) {
        try (Handle h = jdbi.open()) {
            List<String> columns = h.createQuery("select column_name from information_schema.columns where table_schema"
                    + " = 'bench_console' and table_name = 'tracked_scripts_history' order by ordinal_position")
                    .mapTo(String.class).list();
            String copied = columns.stream().map(c -> switch (c) {
                case "run_id" -> "gen_random_uuid()::text";
                case "attempt" -> "attempt + g";
                default -> c;
            }).collect(Collectors.joining(", "));
            h.execute("insert into tracked_scripts_history (" + String.join(", ", columns) + ") select " + copied
                    + " from tracked_scripts_history cross join generate_series(1, " + (ATTEMPTS - 1) + ") g");
            String output = "'" + "x".repeat(OUTPUT_CHARS) + "'";
            h.execute("update tracked_scripts_history set output = " + output);
            h.execute("update tracked_scripts set output = " + output + ", attempt = " + ATTEMPTS);
            h.execute("analyze tracked_scripts; analyze tracked_scripts_history");
        }
    }

    private static void measure(String name, Console console, String path, RoundTripCounter counter,
            Map<String, Integer> statements) {
        measure(name, console, path, Map.of(), counter, statements);
    }

    private static void measure(String name, Console console, String path, Map<String, String> query,
            RoundTripCounter counter, Map<String, Integer> statements) {
        ConsoleRequest request = new ConsoleRequest("GET", path, query, Map.of(), header -> null);
        for (int i = 0; i < WARMUP; i++) {
            check(console.handle(request), name);
        }
        statements.clear();
        long tripsBefore = counter.trips();
        long[] nanos = new long[RUNS];
        int bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes = check(console.handle(request), name).body().length;
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-48s median %6.1f ms  p90 %6.1f ms  max %6.1f ms  %,9d bytes  %.0f round"
                        + " trips%n", name, nanos[RUNS / 2] / 1e6, nanos[RUNS * 9 / 10] / 1e6, nanos[RUNS - 1] / 1e6, bytes,
                (counter.trips() - tripsBefore) / (double) RUNS);
        List<String> sent = new ArrayList<>();
        statements.forEach((sql, times) -> sent.add(String.format(Locale.ROOT, "    %dx per page: %s", times / RUNS,
                sql.replaceAll("\\s+", " "))));
        sent.forEach(System.out::println);
    }

    private static ConsoleResponse check(ConsoleResponse response, String name) {
        if (response.status() != 200) {
            throw new IllegalStateException(name + " answered " + response.status() + ": " + response.bodyText());
        }
        return response;
    }

    private static long count(HikariDataSource pool, String table) {
        return Jdbi.create(pool).withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }
}
