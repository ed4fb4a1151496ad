package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.HistoryEntry;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.contract.ContractScripts.InsertsItem;
import dev.scripttracker.contract.ContractScripts.SkipsScript;
import dev.scripttracker.internal.store.Timestamps;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the tracker reads back from its tables and what it keeps there: rows edited by hand, the
 * record of a run whose process died, and what errors may show of a run's parameters.
 */
abstract class StoredStateContractTest {

    static final String SECRET = "s3cret-token-4711";

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    private final List<ScriptTracker> trackers = new ArrayList<>();
    TestDatabase db;

    abstract DatabaseKind kind();

    @TrackedScript(id = "0101_uses_a_token")
    public static class UsesAToken implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.handle().createUpdate("insert into no_such_table (token) values (:token)")
                    .bind("token", ctx.requireParameter("token")).execute();
        }
    }

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table items (id integer primary key, name varchar(100))");
    }

    @AfterEach
    void closeTrackers() {
        trackers.forEach(ScriptTracker::close);
    }

    ScriptTracker tracker(Clock clock, Class<?>... scripts) {
        ScriptTracker tracker = ScriptTracker.builder().dataSource(db.dataSource()).operator("alice@host-a")
                .clock(clock).register(scripts).build();
        trackers.add(tracker);
        return tracker;
    }

    ScriptTracker tracker(Class<?>... scripts) {
        return tracker(Clock.systemUTC(), scripts);
    }

    static ScriptState state(ScriptTracker tracker, String id) {
        return tracker.status().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void unknownStatus_isShownAsUnknownWithItsValue_andTheOtherScriptsAsRecorded() {
        ScriptTracker tracker = tracker(InsertsItem.class, SkipsScript.class);
        tracker.runPending();
        db.execute("update tracked_scripts set status = 'bogus' where script_id = '0001_inserts_item'",
                "update tracked_scripts_history set status = 'bogus' where script_id = '0001_inserts_item'");

        ScriptState bogus = state(tracker, "0001_inserts_item");
        ScriptState skipped = state(tracker, "0003_skips");
        List<HistoryEntry> history = tracker.history("0001_inserts_item");

        assertEquals(ScriptStatus.UNKNOWN, bogus.status());
        assertEquals("status 'bogus'", bogus.unreadable());
        assertEquals(ScriptStatus.SKIPPED, skipped.status());
        assertNull(skipped.unreadable());
        assertEquals(ScriptStatus.UNKNOWN, history.get(0).status());
        assertEquals("status 'bogus'", history.get(0).unreadable());
    }

    @Test
    void unknownTransactionMode_isShownWithItsValue() {
        ScriptTracker tracker = tracker(InsertsItem.class);
        tracker.runPending();
        db.execute("update tracked_scripts set transaction_mode = 'XXX'");

        ScriptState state = state(tracker, "0001_inserts_item");

        assertEquals(ScriptStatus.SUCCESS, state.status());
        assertEquals("transaction_mode 'XXX'", state.unreadable());
    }

    @Test
    void unreadableRow_isNeitherRunNorRolledBack_andTheRefusalNamesTheRowAndTheValue() {
        ScriptTracker tracker = tracker(InsertsItem.class);
        tracker.runPending();
        db.execute("update tracked_scripts set transaction_mode = 'XXX'");

        ConfigurationException forced = assertThrows(ConfigurationException.class,
                () -> tracker.run("0001_inserts_item", RunOptions.defaults().withForce()));
        ConfigurationException rollback = assertThrows(ConfigurationException.class,
                () -> tracker.rollback("0001_inserts_item"));
        db.execute("update tracked_scripts set status = 'bogus'");
        ConfigurationException pending = assertThrows(ConfigurationException.class, tracker::runPending);

        for (ConfigurationException refusal : List.of(forced, rollback)) {
            assertTrue(refusal.getMessage().contains("script 0001_inserts_item: its row in table tracked_scripts"
                    + " holds transaction_mode 'XXX', which this version of script-tracker does not know"),
                    refusal.getMessage());
        }
        assertTrue(pending.getMessage().contains("holds status 'bogus' and transaction_mode 'XXX'"),
                pending.getMessage());
        assertEquals(1, db.count("select count(*) from items"), "the row of the first run, and no other");
        assertEquals(1, tracker.history("0001_inserts_item").size());
    }

    @Test
    void controlCharactersInAnUnknownValue_areShownAsEscapes() {
        ScriptTracker tracker = tracker(InsertsItem.class);
        tracker.runPending();
        try (Handle h = db.jdbi().open()) {
            h.createUpdate("update tracked_scripts set status = :status").bind("status", "ok\u001b[2J").execute();
        }

        assertEquals("status 'ok\\u001b[2J'", state(tracker, "0001_inserts_item").unreadable());
    }

    @Test
    void parameterValues_stayOutOfTheRecordedErrorAndTheResult() {
        ScriptTracker tracker = tracker(UsesAToken.class);

        RunResult result = tracker.run("0101_uses_a_token", RunOptions.defaults().withParameter("token", SECRET));

        assertEquals(RunOutcome.FAILED, result.outcome());
        HistoryEntry attempt = tracker.history("0101_uses_a_token").get(0);
        assertTrue(attempt.errorMessage().contains("no_such_table"), attempt.errorMessage());
        assertFalse(attempt.errorMessage().contains(SECRET), attempt.errorMessage());
        assertFalse(attempt.errorStack().contains(SECRET), attempt.errorStack());
        assertFalse(result.message().contains(SECRET), result.message());
        assertEquals(SECRET, attempt.parameters().get("token"), "parameters are stored as given");
    }

    @Test
    void deadHoldersRun_isRecordedAsEndingAtItsLastHeartbeat() throws Exception {
        Holder.takes(db, InsertsItem.class).dies();
        ScriptTracker tracker = tracker(Clock.offset(Clock.systemUTC(), Holder.LEASE.plusMinutes(5)), InsertsItem.class);
        Instant started = state(tracker, "0001_inserts_item").startedAt();
        Instant lastHeartbeat = started.plusSeconds(7);
        try (Handle h = db.jdbi().open()) {
            h.createUpdate("update tracked_scripts set heartbeat_at = :at").bind("at", Timestamps.toDb(lastHeartbeat))
                    .execute();
        }

        assertEquals(List.of("0001_inserts_item"), tracker.cleanup());

        HistoryEntry interrupted = tracker.history("0001_inserts_item").get(0);
        assertEquals(ScriptStatus.INTERRUPTED, interrupted.status());
        assertEquals(Duration.ofSeconds(7), interrupted.duration());
        assertEquals(lastHeartbeat, interrupted.finishedAt());
        assertEquals(Duration.ofSeconds(7), state(tracker, "0001_inserts_item").duration());
    }

    @Test
    void historyOfAnUnknownId_isAnErrorNamingTheKnownOnes_andOfAScriptThatNeverRanIsEmpty() {
        ScriptTracker tracker = tracker(InsertsItem.class);

        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> tracker.history("0999_no_such_script"));

        assertTrue(unknown.getMessage().contains("unknown script '0999_no_such_script'")
                && unknown.getMessage().contains("0001_inserts_item"), unknown.getMessage());
        assertEquals(List.of(), tracker.history("0001_inserts_item"));
    }
}
