package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.testing.CompiledClasses;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.EditedScripts;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Edit-after-run detection: each attempt records the checksum of the code it ran, status compares it with
 * the code on the class path, and a mid-way {@code BATCH} script whose code changed is not resumed unless
 * forced. Two builds of the application are two compilations of the same class name, each behind a class
 * loader of its own.
 */
abstract class CodeChecksumContractTest {

    static final String FIX = EditedScripts.FIX;
    static final String BACKFILL = EditedScripts.BACKFILL;

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    private final List<ScriptTracker> trackers = java.util.Collections.synchronizedList(new ArrayList<>());
    TestDatabase db;

    abstract DatabaseKind kind();

    @BeforeEach
    void createTables() {
        db = fresh.get();
        EditedScripts.createTables(db, 10);
    }

    @AfterEach
    void closeTrackers() {
        trackers.forEach(ScriptTracker::close);
    }

    static CompiledClasses build(int step, String... javacOptions) {
        return EditedScripts.build(step, javacOptions);
    }

    ScriptTracker tracker(CompiledClasses build) {
        URLClassLoader loader = build.loader();
        try {
            ScriptTracker tracker = ScriptTracker.builder().dataSource(db.dataSource()).operator("alice@host-a")
                    .classLoader(loader).register(loader.loadClass(EditedScripts.FIX_CLASS),
                            loader.loadClass(EditedScripts.BACKFILL_CLASS)).build();
            trackers.add(tracker);
            return tracker;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScriptState state(ScriptTracker tracker, String id) {
        return tracker.status().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyAttempt_recordsTheChecksumOfItsCode_inTheStateAndTheHistory() {
        ScriptTracker tracker = tracker(build(1));

        tracker.run(FIX);

        ScriptState state = state(tracker, FIX);
        HistoryEntry attempt = tracker.history(FIX).get(0);
        assertTrue(state.codeChecksum().matches("[0-9a-f]{64}"), state.codeChecksum());
        assertEquals(state.currentCodeChecksum(), state.codeChecksum());
        assertEquals(state.codeChecksum(), attempt.codeChecksum());
        assertEquals(state.codeChecksum(), db.text("select code_checksum from tracked_scripts_history"));
        assertFalse(state.codeChanged());
        assertNull(state(tracker, BACKFILL).codeChecksum(), "pending: nothing recorded yet");
        assertNotNull(state(tracker, BACKFILL).currentCodeChecksum());
    }

    @Test
    void rebuildOfTheSameSourceWithoutDebugInformation_isNotAChange() {
        tracker(build(1, "-g")).run(FIX);

        ScriptState rebuilt = state(tracker(build(1, "-g:none")), FIX);

        assertFalse(rebuilt.codeChanged());
        assertFalse(rebuilt.codeChangedSinceSuccess());
    }

    @Test
    void succeededScriptWhoseCodeChanged_isMarkedChanged_notRunAgain_andRunsTheNewCodeWhenForced() {
        ScriptTracker first = tracker(build(1));
        first.run(FIX);
        String ranCode = state(first, FIX).codeChecksum();

        ScriptTracker changed = tracker(build(2));
        ScriptState state = state(changed, FIX);
        RunResult pending = changed.runPending().results().get(0);

        assertTrue(state.codeChangedSinceSuccess());
        assertEquals(ranCode, state.codeChecksum());
        assertNotEquals(ranCode, state.currentCodeChecksum());
        assertFalse(state(changed, BACKFILL).codeChangedSinceSuccess(), "pending: never a change");
        assertEquals(RunOutcome.ALREADY_DONE, pending.outcome());
        assertEquals(1, db.count("select n from counter"));

        RunResult forced = changed.run(FIX, RunOptions.defaults().withForce());

        assertEquals(RunOutcome.SUCCEEDED, forced.outcome());
        assertEquals(3, db.count("select n from counter"), "the new code added 2");
        assertEquals(1, forced.warnings().size(), forced.warnings().toString());
        assertTrue(forced.warnings().get(0).contains("script c01_fix: its code changed since attempt 1 (success):"
                + " that attempt ran code " + ranCode.substring(0, 16) + ", the class path now has "
                + state.currentCodeChecksum().substring(0, 16)), forced.warnings().get(0));
        assertFalse(state(changed, FIX).codeChanged());
        assertEquals(List.of(ranCode, state.currentCodeChecksum()),
                changed.history(FIX).stream().map(HistoryEntry::codeChecksum).toList());
    }

    @Test
    void midwayBatchScriptWhoseCodeChanged_isNotResumed_andResumesWhenForced() {
        db.execute("insert into fail_at (batch_no) values (3)");
        ScriptTracker first = tracker(build(1));
        assertEquals(RunOutcome.FAILED, first.run(BACKFILL).outcome());
        String checkpoint = state(first, BACKFILL).checkpoint();
        db.execute("delete from fail_at");

        ScriptTracker changed = tracker(build(2));
        RunResult refused = changed.run(BACKFILL);
        RunResult pending = changed.runPending().results().get(1);

        assertEquals(RunOutcome.CODE_CHANGED, refused.outcome());
        assertTrue(refused.outcome().isFailure());
        assertTrue(refused.message().startsWith("not resumed: script c02_backfill stopped mid-way, after 4 items"),
                refused.message());
        assertTrue(refused.message().contains("its code changed since attempt 1 (failed): that attempt ran code "
                + state(first, BACKFILL).codeChecksum().substring(0, 16) + ", the class path now has "
                + state(changed, BACKFILL).currentCodeChecksum().substring(0, 16)), refused.message());
        assertTrue(refused.message().contains("Nothing was run. To resume after the last committed batch with the"
                + " new code: run c02_backfill --force. To start again from the first batch (what was committed is"
                + " processed again): run c02_backfill --restart."), refused.message());
        assertEquals(RunOutcome.CODE_CHANGED, pending.outcome());
        assertEquals(1, changed.history(BACKFILL).size(), "the refusals recorded no attempt");
        assertEquals(checkpoint, state(changed, BACKFILL).checkpoint());
        assertEquals(4, db.count("select count(*) from accounts where counter = 1"));

        RunResult forced = changed.run(BACKFILL, RunOptions.defaults().withForce());

        assertEquals(RunOutcome.SUCCEEDED, forced.outcome(), forced.message());
        assertEquals(4, db.count("select count(*) from accounts where counter = 1"), "the first batches, once");
        assertEquals(6, db.count("select count(*) from accounts where counter = 2"), "the rest, once, by the new code");
        HistoryEntry resumed = changed.history(BACKFILL).get(1);
        assertEquals(checkpoint, resumed.resumedFrom());
        assertEquals(state(changed, BACKFILL).currentCodeChecksum(), resumed.codeChecksum());
        assertTrue(resumed.output().contains("code 2"), resumed.output());
    }

    @Test
    void midwayBatchScriptWhoseCodeChanged_restartsFromItsFirstBatchWithRestart() {
        db.execute("insert into fail_at (batch_no) values (3)");
        tracker(build(1)).run(BACKFILL);
        db.execute("delete from fail_at");

        RunResult restarted = tracker(build(2)).run(BACKFILL, RunOptions.defaults().withRestart());

        assertEquals(RunOutcome.SUCCEEDED, restarted.outcome(), restarted.message());
        assertEquals(4, db.count("select count(*) from accounts where counter = 3"), "the first two batches again");
        assertEquals(6, db.count("select count(*) from accounts where counter = 2"));
    }

    @Test
    void midwayBatchScriptRebuiltWithoutChange_resumesAsBefore() {
        db.execute("insert into fail_at (batch_no) values (3)");
        tracker(build(1, "-g")).run(BACKFILL);
        db.execute("delete from fail_at");

        RunResult resumed = tracker(build(1, "-g:none")).run(BACKFILL);

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertEquals(List.of(), resumed.warnings());
        assertEquals(10, db.count("select count(*) from accounts where counter = 1"));
    }

    @Test
    void tablesOfSchemaVersion3_areUpgraded_andTheirAttemptsHaveAnUnknownChecksum_neverAChange() {
        tracker(build(1)).run(FIX);
        db.execute("alter table tracked_scripts drop column code_checksum",
                "alter table tracked_scripts_history drop column code_checksum",
                "update tracked_scripts_schema set version = 3");

        ScriptTracker upgraded = tracker(build(2));
        ScriptState old = state(upgraded, FIX);

        assertEquals(4, db.count("select version from tracked_scripts_schema"));
        assertEquals(ScriptStatus.SUCCESS, old.status());
        assertNull(old.codeChecksum());
        assertNotNull(old.currentCodeChecksum());
        assertFalse(old.codeChanged());
        assertFalse(old.codeChangedSinceSuccess());
        assertNull(upgraded.history(FIX).get(0).codeChecksum());
        assertEquals(RunOutcome.SUCCEEDED, upgraded.run(BACKFILL).outcome());
        assertEquals(state(upgraded, BACKFILL).currentCodeChecksum(),
                db.text("select code_checksum from tracked_scripts_history where script_id = 'c02_backfill'"));
    }

    @Test
    void upgradeFromVersion3_byFourProcessesAtOnce_addsTheColumnsOnce() throws Exception {
        tracker(build(1)).run(FIX);
        db.execute("alter table tracked_scripts drop column code_checksum",
                "alter table tracked_scripts_history drop column code_checksum",
                "update tracked_scripts_schema set version = 3");
        CompiledClasses build = build(1);
        ExecutorService pods = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ScriptTracker>> starting = new ArrayList<>();
        for (int pod = 0; pod < 4; pod++) {
            starting.add(pods.submit(() -> {
                start.await();
                return tracker(build);
            }));
        }

        start.countDown();

        try {
            for (Future<ScriptTracker> pod : starting) {
                assertEquals(ScriptStatus.SUCCESS, state(pod.get(1, TimeUnit.MINUTES), FIX).status());
            }
        } finally {
            pods.shutdown();
        }
        assertEquals(4, db.count("select version from tracked_scripts_schema"));
        assertEquals(1, db.count("select count(*) from information_schema.columns where lower(table_name)"
                + " = 'tracked_scripts' and lower(column_name) = 'code_checksum' and lower(table_schema) = '"
                + (kind() == DatabaseKind.H2 ? "public" : db.name()) + "'"));
    }
}
