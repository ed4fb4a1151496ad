package dev.scripttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptState;
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

    private static final String FINAL_RUN = "final";
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

        List<CrashKill> kills = new CrashKiller(settings, db.url(), logs).killAll();
        Duration killing = Duration.ofNanos(System.nanoTime() - start);
        CrashChildProcess last = CrashChildProcess.start(logs, FINAL_RUN, db.url(), settings);
        int exitCode = last.awaitExit(FINAL_RUN_PATIENCE);

        ScriptState state;
        List<HistoryEntry> history;
        try (ScriptTracker observer = ScriptTracker.builder().jdbcUrl(db.url()).register(CrashBackfillScript.class)
                .build()) {
            state = observer.status().stream().filter(s -> s.id().equals(CrashBackfillScript.ID)).findFirst()
                    .orElseThrow();
            history = observer.history(CrashBackfillScript.ID);
        }
        CrashFigures figures = new CrashFigures(CrashRows.version(db), settings, kills, history,
                db.count("select count(*) from crash_rows where counter <> 1"), CrashRows.leftRunning(db), killing,
                Duration.ofNanos(System.nanoTime() - start));
        System.out.println("figures in " + figures.write(kind().name()).toAbsolutePath() + "\n" + figures.historyText());
        assertEquals(0, exitCode, "the final run failed (seed " + settings.seed() + "); its output:\n" + last.output());
        assertEquals(settings.rows(), db.count("select count(*) from crash_rows"));
        assertEquals(0, figures.rowsNotExactlyOnce(), "rows whose counter is not 1: "
                + db.count("select count(*) from crash_rows where counter = 0") + " at 0, "
                + db.count("select count(*) from crash_rows where counter > 1") + " above 1\n" + figures.historyText());
        assertEquals(ScriptStatus.SUCCESS, state.status(), figures.historyText());
        assertEquals(0, figures.rowsLeftRunning(), "rows left running\n" + figures.historyText());
        assertEveryKilledAttemptRecordedInterrupted(figures);
        assertEachKillLostAtMostTheBatchItInterrupted(figures);
        assertEachAttemptResumesWhereThePreviousStopped(settings, figures);
    }

    /** One interrupted row per killed JVM that had recorded its run, in the order of the kills, then the success. */
    private static void assertEveryKilledAttemptRecordedInterrupted(CrashFigures figures) {
        List<HistoryEntry> history = figures.history();
        String context = figures.historyText();
        assertEquals(IntStream.rangeClosed(1, history.size()).boxed().toList(),
                history.stream().map(HistoryEntry::attempt).toList(), "attempts numbered in order\n" + context);
        List<HistoryEntry> killed = history.subList(0, history.size() - 1);
        assertEquals(figures.kills().stream().filter(k -> k.attemptIn(history).isPresent()).map(CrashKill::child)
                .toList(), killed.stream().map(HistoryEntry::executedBy).toList(),
                "every attempt before the last was run by a killed JVM, one each, in kill order\n" + context);
        assertTrue(killed.stream().allMatch(h -> h.status() == ScriptStatus.INTERRUPTED), context);
        HistoryEntry last = history.get(history.size() - 1);
        assertEquals(List.of(ScriptStatus.SUCCESS, FINAL_RUN), List.of(last.status(), last.executedBy()), context);
        assertTrue(figures.kills().stream().filter(k -> k.lastBatchBegun().isPresent())
                .allMatch(k -> k.attemptIn(history).isPresent()), "a JVM that began a batch had recorded its run\n"
                + context);
    }

    /**
     * A JVM killed in batch N had committed batch N-1 (it began N only after that commit returned), and
     * no batch it had not begun; batch N itself may have committed, if its commit was on its way. A JVM
     * that began no batch committed none.
     */
    private static void assertEachKillLostAtMostTheBatchItInterrupted(CrashFigures figures) {
        for (CrashKill kill : figures.kills()) {
            kill.attemptIn(figures.history()).ifPresent(attempt -> {
                long resumedAt = attempt.resumedFrom() == null ? 0 : Checkpoint.decode(attempt.resumedFrom()).batch();
                long lowest = kill.lastBatchBegun().isPresent() ? kill.lastBatchBegun().getAsLong() - 1 : resumedAt;
                long highest = kill.lastBatchBegun().orElse(resumedAt);
                long committed = CrashKill.committedBatch(attempt);
                assertTrue(lowest <= committed && committed <= highest, kill + ": its attempt is recorded at batch "
                        + committed + ", not between " + lowest + " and " + highest + "\n" + figures.historyText());
            });
        }
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
        Checkpoint end = Checkpoint.decode(history.get(history.size() - 1).checkpoint());
        assertTrue(end.finished(), context);
        assertEquals(settings.rows(), end.done(), context);
        assertEquals(settings.rows(), history.get(history.size() - 1).progressDone(), context);
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
