package dev.scripttracker.reliability;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Exactly once" under a fleet start, on each database: sixteen JVMs start together and each runs
 * the same fifty pending scripts, whose effects are not idempotent (a counter goes up, a row is
 * added). Every effect must happen once, and the store must record one successful attempt per script.
 */
abstract class ExactlyOnceRaceTest {

    static final int JVMS = 16;
    static final Duration PATIENCE = Duration.ofMinutes(3);

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    @TempDir
    static Path appDir;
    static RaceApp app;
    @TempDir
    Path workingDirectory;
    TestDatabase db;

    abstract DatabaseKind kind();

    @BeforeAll
    static void buildTheApplication() throws Exception {
        app = RaceApp.build(appDir);
    }

    @BeforeEach
    void createTheApplicationsTables() {
        db = fresh.get();
        db.execute("create table race_counters (script varchar(128) primary key, hits integer not null)",
                "create table race_effects (script varchar(128) not null)",
                "create table race_start_line (arrived integer not null)", "insert into race_start_line values (0)");
        for (String id : app.scriptIds()) {
            db.execute("insert into race_counters (script, hits) values ('" + id + "', 0)");
        }
    }

    @Test
    void sixteenJvmsRunningThePendingScriptsTogether_applyEveryEffectOnce() throws Exception {
        List<RaceJvm.Ending> endings = runTheRace();

        for (RaceJvm.Ending ending : endings) {
            assertTrue(ending.finishedInTime(), ending.name() + " did not finish within " + PATIENCE
                    + "; its output:\n" + ending.output());
            assertEquals(0, ending.exitCode(), ending.name() + " failed; its output:\n" + ending.output());
        }
        assertEquals(Map.of(), notExactlyOnce(countsBy("select script, hits from race_counters")),
                "scripts whose counter is not 1");
        assertEquals(Map.of(), notExactlyOnce(countsBy("select script, count(*) from race_effects group by script")),
                "scripts that did not add exactly one row");
        Map<String, List<String>> attempts = rows("select script_id, status from tracked_scripts_history")
                .collect(groupingBy(Row::id, mapping(Row::value, toList())));
        assertEquals(Map.of(), scriptsDiffering(attempts, List.of("success"), List.of()),
                "scripts whose history is not one successful attempt");
        Map<String, String> states = rows("select script_id, status from tracked_scripts")
                .collect(toMap(Row::id, Row::value));
        assertEquals(Map.of(), scriptsDiffering(states, "success", "pending"), "scripts whose state is not success");
        Map<String, Long> reportedRuns = endings.stream().flatMap(ending -> ending.scriptsItRan().stream())
                .collect(groupingBy(Function.identity(), counting()));
        assertEquals(Map.of(), notExactlyOnce(reportedRuns), "scripts not reported run by exactly one JVM");
    }

    /** Starts every JVM before waiting for any, so that they contend from the start. */
    private List<RaceJvm.Ending> runTheRace() throws Exception {
        List<RaceJvm> jvms = new ArrayList<>();
        try {
            for (int n = 1; n <= JVMS; n++) {
                jvms.add(app.start(workingDirectory, db.url(), "jvm-" + n, JVMS));
            }
            Instant deadline = Instant.now().plus(PATIENCE);
            List<RaceJvm.Ending> endings = new ArrayList<>();
            for (RaceJvm jvm : jvms) {
                endings.add(jvm.awaitUntil(deadline));
            }
            return endings;
        } finally {
            jvms.forEach(RaceJvm::killIfAlive);
        }
    }

    private Map<String, Long> notExactlyOnce(Map<String, Long> counts) {
        return scriptsDiffering(counts, 1L, 0L);
    }

    /** The scripts of the race whose value differs from {@code expected}, with their values, in id order. */
    private <T> Map<String, T> scriptsDiffering(Map<String, T> values, T expected, T missing) {
        Map<String, T> wrong = new TreeMap<>();
        for (String id : app.scriptIds()) {
            T value = values.getOrDefault(id, missing);
            if (!value.equals(expected)) {
                wrong.put(id, value);
            }
        }
        return wrong;
    }

    private Map<String, Long> countsBy(String sql) {
        try (Handle h = db.jdbi().open()) {
            return h.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                    .collect(toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    private Stream<Row> rows(String sql) {
        try (Handle h = db.jdbi().open()) {
            return h.createQuery(sql).map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2))).list().stream();
        }
    }

    private record Row(String id, String value) {
    }
}
