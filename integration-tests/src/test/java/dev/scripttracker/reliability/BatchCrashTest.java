package dev.scripttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.internal.batch.Checkpoint;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A BATCH-mode backfill whose JVM is killed with SIGKILL again and again, on each database: a
 * quarter of the kills right at start, the rest in the middle of the run, at random moments from a
 * seeded schedule (the seed is printed, and written with the figures). A last run then finishes it.
 * Every row must have been updated exactly once (the update is {@code counter = counter + 1}), every
 * attempt that was recorded {@code running} must be recorded {@code interrupted}, and each attempt must
 * resume exactly where the one before it had committed.
 *
 * <p>{@value CrashSettings#CI_KILLS} kills per database by default; {@code -Dreliability.kills=100}
 * for the long version, whose figures RELIABILITY.md records. Figures and each child's output go to
 * {@code target/reliability/}.
 */
abstract class BatchCrashTest {

    private static final Duration FINAL_RUN_PATIENCE = Duration.ofMinutes(5);

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());

    abstract DatabaseKind kind();

    @Test
    void killedAgainAndAgain_updatesEveryRowOnce_recordsEveryKilledAttempt_andResumesWhereItStopped() throws Exception {
        CrashSettings settings = CrashSettings.fromSystemProperties();
        System.out.println("crash test on " + kind() + ": " + settings.kills() + " kills, seed " + settings.seed()
                + " (replay with -Dreliability.seed=" + settings.seed() + ")");
        TestDatabase db = fresh.get();
        CrashRows.create(db, settings.rows());
        Path logs = emptyDirectory(Path.of("target", "reliability", "crash-" + kind() + "-children"));
        long start = System.nanoTime();
        try (HikariDataSource pool = pool(db.url()); ScriptTracker observer = ScriptTracker.builder()
                .dataSource(pool).register(CrashBackfillScript.class).build()) {
            List<CrashKill> kills = new CrashKiller(observer, settings, db.url(), logs).killAll();
            Duration killing = Duration.ofNanos(System.nanoTime() - start);
            CrashChildProcess last = CrashChildProcess.start(logs, "final", db.url(), settings);
            int exitCode = last.awaitExit(FINAL_RUN_PATIENCE);
            CrashFigures figures = new CrashFigures(CrashRows.version(db), settings, kills,
                    observer.history(CrashBackfillScript.ID), db.count("select count(*) from crash_rows where counter <> 1"),
                    CrashRows.leftRunning(db), killing, Duration.ofNanos(System.nanoTime() - start));
            System.out.println("figures in " + figures.write(kind().name()).toAbsolutePath() + "\n"
                    + figures.historyText());

            assertEquals(0, exitCode, "the final run failed (seed " + settings.seed() + "); its output:\n" + last.output());
            assertEveryRowUpdatedOnce(db, settings, figures);
            assertEquals(ScriptStatus.SUCCESS, observer.status().stream()
                    .filter(s -> s.id().equals(CrashBackfillScript.ID)).findFirst().orElseThrow().status());
            assertEquals(0, figures.rowsLeftRunning(), "rows left running\n" + figures.historyText());
            assertEveryKilledAttemptRecordedInterrupted(figures);
            assertEachAttemptResumesWhereThePreviousStopped(settings, figures);
        }
    }

    private static void assertEveryRowUpdatedOnce(TestDatabase db, CrashSettings settings, CrashFigures figures) {
        assertEquals(settings.rows(), db.count("select count(*) from crash_rows"));
        assertEquals(0, figures.rowsNotExactlyOnce(), "rows whose counter is not 1: "
                + db.count("select count(*) from crash_rows where counter = 0") + " at 0, "
                + db.count("select count(*) from crash_rows where counter > 1") + " above 1\n" + figures.historyText());
    }

    /** Kills before a run was recorded leave no history row; every other kill leaves exactly one. */
    private static void assertEveryKilledAttemptRecordedInterrupted(CrashFigures figures) {
        List<HistoryEntry> history = figures.history();
        String context = figures.historyText();
        List<Integer> killedAttempts = figures.kills().stream().filter(CrashKill::attemptRecorded)
                .map(CrashKill::attempt).toList();
        assertEquals(IntStream.rangeClosed(1, killedAttempts.size() + 1).boxed().toList(),
                history.stream().map(HistoryEntry::attempt).toList(), "one history row per recorded attempt\n" + context);
        assertEquals(IntStream.rangeClosed(1, killedAttempts.size()).boxed().toList(), killedAttempts,
                "each recorded attempt was killed\n" + context);
        List<HistoryEntry> killed = history.subList(0, killedAttempts.size());
        assertTrue(killed.stream().allMatch(h -> h.status() == ScriptStatus.INTERRUPTED), context);
        assertEquals(figures.kills().stream().filter(CrashKill::attemptRecorded).map(CrashKill::checkpoint).toList(),
                killed.stream().map(HistoryEntry::checkpoint).toList(),
                "each interrupted attempt keeps the checkpoint it had committed when it was killed\n" + context);
        assertEquals(ScriptStatus.SUCCESS, history.get(history.size() - 1).status(), context);
    }

    private static void assertEachAttemptResumesWhereThePreviousStopped(CrashSettings settings, CrashFigures figures) {
        List<HistoryEntry> history = figures.history();
        String context = figures.historyText();
        assertNull(history.get(0).resumedFrom(), "the first attempt starts from the beginning\n" + context);
        for (int i = 1; i < history.size(); i++) {
            assertEquals(history.get(i - 1).checkpoint(), history.get(i).resumedFrom(),
                    "attempt " + history.get(i).attempt() + " resumes where attempt " + history.get(i - 1).attempt()
                            + " had committed\n" + context);
        }
        assertTrue(history.stream().anyMatch(HistoryEntry::resumed),
                "every mid-run kill waits for a committed batch, and the plan has at least one\n" + context);
        HistoryEntry last = history.get(history.size() - 1);
        Checkpoint end = Checkpoint.decode(last.checkpoint());
        assertTrue(end.finished(), context);
        assertEquals(settings.rows(), end.done(), context);
        assertEquals(settings.rows(), last.progressDone(), context);
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        config.setPoolName("crash-test-observer");
        return new HikariDataSource(config);
    }

    private static Path emptyDirectory(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        return Files.createDirectories(dir);
    }
}
