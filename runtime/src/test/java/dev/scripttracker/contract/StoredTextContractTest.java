package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.contract.StoredTextScripts.FailsWithAwkwardMessage;
import dev.scripttracker.contract.StoredTextScripts.LogsALot;
import dev.scripttracker.contract.StoredTextScripts.LogsAwkwardText;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever text a script produces, its outcome is recorded as it happened: NUL characters (which
 * PostgreSQL refuses), unpaired surrogates and output beyond a column are stored with visible
 * stand-ins, and the row never stays {@code running}.
 */
abstract class StoredTextContractTest {

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    TestDatabase db;

    abstract DatabaseKind kind();

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table items (id integer primary key, name varchar(100))");
    }

    private ScriptTracker tracker(Class<?> script) {
        return ScriptTracker.builder().dataSource(db.dataSource()).operator("nul\u0000@host")
                .lease(Duration.ofMillis(300)).register(script).build();
    }

    @Test
    void outputWithNulAndLoneSurrogates_isStoredVisiblyAndTheWorkCommits() {
        try (ScriptTracker tracker = tracker(LogsAwkwardText.class)) {
            RunResult result = tracker.run("0101_logs_awkward_text",
                    RunOptions.defaults().withParameter("note", "a\u0000b"));

            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            assertEquals(1, db.count("select count(*) from items where id = 101"));
            HistoryEntry attempt = onlyAttempt(tracker, "0101_logs_awkward_text");
            assertEquals(ScriptStatus.SUCCESS, attempt.status());
            assertTrue(attempt.output().contains("printed " + StoredTextScripts.STORED), attempt.output());
            assertEquals("nul\u2400@host", attempt.executedBy());
            assertEquals("a\u0000b", attempt.parameters().get("note"));
            assertEquals("description with a NUL: [\u2400]", db.text(
                    "select description from tracked_scripts where script_id = '0101_logs_awkward_text'"));
        }
    }

    @Test
    void failureWithNulInItsMessage_isRecordedFailedAndRolledBack() {
        try (ScriptTracker tracker = tracker(FailsWithAwkwardMessage.class)) {
            RunResult result = tracker.run("0102_fails_with_awkward_message");

            assertEquals(RunOutcome.FAILED, result.outcome());
            assertEquals(0, db.count("select count(*) from items where id = 102"));
            HistoryEntry attempt = onlyAttempt(tracker, "0102_fails_with_awkward_message");
            assertEquals(ScriptStatus.FAILED, attempt.status());
            assertTrue(attempt.errorMessage().contains("broken " + StoredTextScripts.STORED), attempt.errorMessage());
            assertTrue(attempt.errorStack().contains("broken " + StoredTextScripts.STORED), attempt.errorStack());
            assertTrue(attempt.output().contains("about to fail with " + StoredTextScripts.STORED));
            assertEquals(RunOutcome.FAILED, tracker.run("0102_fails_with_awkward_message").outcome(),
                    "the next run is not LOCKED by a row left running");
        }
    }

    @Test
    void outputBeyondItsColumn_keepsItsTailAndTheRunSucceeds() {
        try (ScriptTracker tracker = ScriptTracker.builder().dataSource(db.dataSource())
                .maxOutputChars(5_000_000).register(LogsALot.class).build()) {
            RunResult result = tracker.run("0103_logs_a_lot");

            assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
            assertEquals(1, db.count("select count(*) from items where id = 103"));
            String stored = onlyAttempt(tracker, "0103_logs_a_lot").output();
            assertTrue(stored.startsWith("[... cut ...]") || stored.length() == result.output().length(),
                    "cut only where the column is narrower than the output");
            assertTrue(stored.endsWith(result.output().substring(result.output().length() - 20_000)));
        }
    }

    private static HistoryEntry onlyAttempt(ScriptTracker tracker, String id) {
        List<HistoryEntry> history = tracker.history(id);
        assertEquals(1, history.size());
        return history.get(0);
    }
}
