package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.StatementCount;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch scripts on a real database: each batch commits with its checkpoint, a stopped run resumes
 * after its last committed batch, and no row is processed twice. One subclass per database.
 */
abstract class BatchContractTest {

    static final int ACCOUNTS = 1_050;

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    @TempDir
    Path tempDir;
    private final List<ScriptTracker> trackers = new ArrayList<>();
    TestDatabase db;

    abstract DatabaseKind kind();

    String uuidType() {
        return "uuid";
    }

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table accounts (id integer primary key, counter integer not null)",
                "create table items (id integer primary key, name varchar(100))");
        try (Handle h = db.jdbi().open()) {
            PreparedBatch insert = h.prepareBatch("insert into accounts (id, counter) values (?, 0)");
            for (int id = 1; id <= ACCOUNTS; id++) {
                insert.add(id);
            }
            insert.execute();
        }
        BatchScripts.reset();
    }

    @AfterEach
    void closeTrackers() {
        BatchScripts.release.countDown();
        trackers.forEach(ScriptTracker::close);
    }

    ScriptTracker tracker(Class<?>... scripts) {
        ScriptTracker tracker = ScriptTracker.builder().dataSource(db.dataSource()).operator("bob@batch-host")
                .lease(Duration.ofMillis(600)).register(scripts).build();
        trackers.add(tracker);
        return tracker;
    }

    long accountsWithCounter(int value) {
        return db.count("select count(*) from accounts where counter = " + value);
    }

    static ScriptState state(ScriptTracker tracker, String id) {
        return tracker.status().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void backfill_updatesEveryRowExactlyOnce_andRecordsTheLastCheckpoint() {
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);

        RunResult result = tracker.run("b01_backfill");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1));
        ScriptState state = state(tracker, "b01_backfill");
        assertEquals(ACCOUNTS, state.progress().done());
        assertEquals(ACCOUNTS, state.progress().total());
        assertTrue(state.checkpoint().startsWith("loop=1;batch=11;done=" + ACCOUNTS + ";"), state.checkpoint());
    }

    @Test
    void failedBatch_rollsBackOnlyThatBatch_andTheNextRunResumesAfterTheLastCommittedOne() {
        ScriptTracker tracker = tracker(BatchScripts.Backfill.class);
        BatchScripts.failAtBatch = 4;

        RunResult failed = tracker.run("b01_backfill");

        assertEquals(RunOutcome.FAILED, failed.outcome());
        assertTrue(failed.message().contains("batch 4 hit a bad row"), failed.message());
        assertTrue(failed.message().contains("the batches committed before it stopped stay committed"), failed.message());
        assertEquals(300, accountsWithCounter(1), "batches 1-3 committed, batch 4 rolled back");
        assertEquals(ACCOUNTS - 300, accountsWithCounter(0));

        RunResult resumed = tracker.runPending().result("b01_backfill").orElseThrow();

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(ACCOUNTS, accountsWithCounter(1), "every row exactly once across both attempts");
        assertTrue(resumed.output().contains("resuming batch loop 1 after batch 3 (300 items done)"), resumed.output());
        List<HistoryEntry> history = tracker.history("b01_backfill");
        assertEquals(List.of(ScriptStatus.FAILED, ScriptStatus.SUCCESS), history.stream().map(HistoryEntry::status).toList());
        assertNull(history.get(0).resumedFrom());
        assertTrue(history.get(0).checkpoint().startsWith("loop=1;batch=3;done=300;"), history.get(0).checkpoint());
        assertEquals(history.get(0).checkpoint(), history.get(1).resumedFrom());
        assertEquals(ACCOUNTS, history.get(1).progressDone());
    }

    @Test
    void compositeKeyOfTextTimestampAndUuid_visitsEveryRowOnce_acrossAResume() {
        assertVisitsEveryEventOnce("kind, at, ref, id");
    }

    @Test
    void compositeKeyInMixedDirections_visitsEveryRowOnce_acrossAResume() {
        assertVisitsEveryEventOnce("kind desc, at, ref desc, id");
    }

    private void assertVisitsEveryEventOnce(String order) {
        db.execute("create table events (kind varchar(20) not null, at timestamp not null, ref " + uuidType()
                + " not null, id integer primary key, seen integer not null)");
        try (Handle h = db.jdbi().open()) {
            PreparedBatch insert = h.prepareBatch("insert into events (kind, at, ref, id, seen) values (?, ?, ?, ?, 0)");
            LocalDateTime base = LocalDateTime.of(2026, 11, 24, 9, 0, 0, 123_000_000);
            for (int id = 1; id <= 137; id++) {
                insert.add("kind-" + id % 3, base.plusMinutes(id % 5), UUID.nameUUIDFromBytes(("" + id % 7).getBytes()), id);
            }
            insert.execute();
        }
        BatchScripts.query = "select e.kind, e.at, e.ref, e.id from events e order by " + order;
        BatchScripts.size = 9;
        BatchScripts.failAtBatch = 5;
        ScriptTracker tracker = tracker(BatchScripts.CompositeKey.class);

        assertEquals(RunOutcome.FAILED, tracker.run("b02_keyed_by_text_time_uuid").outcome());
        assertEquals(36, db.count("select count(*) from events where seen = 1"), "4 batches of 9 committed");
        RunResult resumed = tracker.run("b02_keyed_by_text_time_uuid");

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(0, db.count("select count(*) from events where seen <> 1"));
    }
}
