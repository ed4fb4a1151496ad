package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ParameterException;
import dev.scripttracker.ParameterProblem;
import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.contract.ParameterScripts.EveryType;
import dev.scripttracker.contract.ParameterScripts.ReadsAFile;
import dev.scripttracker.contract.ParameterScripts.Undeclared;
import dev.scripttracker.contract.ParameterScripts.UsesASecret;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Declared parameters: parsed to their types, refused before anything is written, secrets kept out of sight. */
abstract class ParametersContractTest {

    static final String EVERY_TYPE = "0301_every_type";
    static final String SECRET_SCRIPT = "0302_uses_a_secret";
    static final String SECRET = "tok-5f3a9c-SECRET";
    static final String ENV_SECRET = "env-token-0815";

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    private final List<ScriptTracker> trackers = new ArrayList<>();
    TestDatabase db;

    @TempDir
    Path dir;

    abstract DatabaseKind kind();

    @BeforeEach
    void createTables() {
        db = fresh.get();
        db.execute("create table bound (name varchar(100), bound_value varchar(4000))",
                "create table items (id integer primary key, name varchar(100))");
    }

    @AfterEach
    void closeTrackers() {
        trackers.forEach(ScriptTracker::close);
    }

    ScriptTracker tracker(Class<?>... scripts) {
        ScriptTracker tracker = ScriptTracker.builder().dataSource(db.dataSource()).register(scripts).build();
        trackers.add(tracker);
        return tracker;
    }

    static RunOptions everyType(String... overrides) {
        Map<String, String> given = new TreeMap<>(Map.of("tenant", "acme", "big", "9000000000", "amount", "12.50",
                "day", "2026-12-01", "mode", "APPLY", "ref", "123e4567-e89b-12d3-a456-426614174000",
                "tags", "a,b\\,c"));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                given.remove(overrides[i]);
            } else {
                given.put(overrides[i], overrides[i + 1]);
            }
        }
        RunOptions options = RunOptions.defaults();
        for (Map.Entry<String, String> parameter : given.entrySet()) {
            options = options.withParameter(parameter.getKey(), parameter.getValue());
        }
        return options;
    }

    Map<String, String> bound() {
        try (Handle h = db.jdbi().open()) {
            Map<String, String> bound = new TreeMap<>();
            h.createQuery("select name, bound_value from bound").map((rs, ctx) ->
                    bound.put(rs.getString(1), rs.getString(2))).list();
            return bound;
        }
    }

    void assertNothingRecorded(ScriptTracker tracker, String id) {
        assertEquals(0, db.count("select count(*) from tracked_scripts"), "no state row");
        assertEquals(0, db.count("select count(*) from tracked_scripts_history"), "no history row");
        assertTrue(tracker.history(id).isEmpty());
        assertEquals(Map.of(), bound(), "the script did not run");
    }

    @Test
    void declaredParameters_areParsedToTheirTypes_defaultsAndOptionalsFilledIn() {
        ScriptTracker tracker = tracker(EveryType.class);

        RunResult result = tracker.run(EVERY_TYPE, everyType("numbers", "1, 2,3"));

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(Map.entry("tenant", "acme"),
                Map.entry("limit", "100"), Map.entry("big", "9000000000"), Map.entry("dry", "false"),
                Map.entry("amount", "12.50"), Map.entry("day", "2026-12-01"), Map.entry("at", "null"),
                Map.entry("pause", "Optional.empty"), Map.entry("mode", "APPLY"),
                Map.entry("ref", "123e4567-e89b-12d3-a456-426614174000"), Map.entry("tags", "[a, b,c]"),
                Map.entry("numbers", "Optional[[1, 2, 3]]")));
        assertEquals(expected, bound());
    }

    @Test
    void badValue_isRefusedBeforeAnythingIsWritten_namingTheParameterAndTheExpectedType() {
        ScriptTracker tracker = tracker(EveryType.class);

        ParameterException refused = assertThrows(ParameterException.class,
                () -> tracker.run(EVERY_TYPE, everyType("limit", "ten")));

        assertEquals(List.of(ParameterProblem.Kind.BAD_VALUE),
                refused.problems().stream().map(ParameterProblem::kind).toList());
        assertTrue(refused.getMessage().contains("parameter 'limit' of script 0301_every_type expects an int (whole"
                + " number), got 'ten'"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Nothing was run or recorded."), refused.getMessage());
        assertNothingRecorded(tracker, EVERY_TYPE);
    }

    @Test
    void everyBadValue_isAProblemOfItsOwn_withWhatItsTypeExpects() {
        ScriptTracker tracker = tracker(EveryType.class);

        ParameterException refused = assertThrows(ParameterException.class, () -> tracker.run(EVERY_TYPE,
                everyType("big", "1.5", "dry", "yes", "amount", "12,50", "day", "01.12.2026", "at", "yesterday",
                        "pause", "30 minutes", "mode", "apply", "ref", "42", "numbers", "1,two")));

        String message = refused.getMessage();
        for (String expected : List.of("'big' of script 0301_every_type expects a long (whole number), got '1.5'",
                "'dry' of script 0301_every_type expects a boolean (true or false), got 'yes'",
                "'amount' of script 0301_every_type expects a decimal number (e.g. 12.50), got '12,50'",
                "'day' of script 0301_every_type expects a date (yyyy-MM-dd, e.g. 2026-12-01), got '01.12.2026'",
                "'at' of script 0301_every_type expects an instant (ISO-8601 UTC",
                "'pause' of script 0301_every_type expects a duration (ISO-8601, e.g. PT30M or P1D), got '30 minutes'",
                "'mode' of script 0301_every_type expects one of PREVIEW, APPLY (Mode), got 'apply'",
                "'ref' of script 0301_every_type expects a UUID",
                "'numbers' of script 0301_every_type expects a comma-separated list of Integer")) {
            assertTrue(message.contains(expected), expected + " in: " + message);
        }
        assertEquals(9, refused.problems().size(), message);
        assertNothingRecorded(tracker, EVERY_TYPE);
    }

    @Test
    void missingRequiredAndUnknownNames_areRefused_eachNamed() {
        ScriptTracker tracker = tracker(EveryType.class);

        ParameterException refused = assertThrows(ParameterException.class,
                () -> tracker.run(EVERY_TYPE, everyType("tenant", null, "limt", "5")));

        assertTrue(refused.getMessage().contains("script 0301_every_type has no parameter 'limt'; its parameters are"
                + " tenant, limit, big, dry, amount, day, at, pause, mode, ref, tags, numbers"), refused.getMessage());
        assertTrue(refused.getMessage().contains("script 0301_every_type needs the parameter 'tenant' (a text); pass"
                + " it with --param tenant=VALUE"), refused.getMessage());
        assertEquals(List.of(ParameterProblem.Kind.UNKNOWN, ParameterProblem.Kind.MISSING),
                refused.problems().stream().map(ParameterProblem::kind).toList());
        assertNothingRecorded(tracker, EVERY_TYPE);
    }

    @Test
    void runOfPendingScripts_leavesOutTheNamesAScriptDoesNotDeclare_butStillRefusesBadValues() {
        ScriptTracker tracker = tracker(EveryType.class, Undeclared.class);

        ParameterException refused = assertThrows(ParameterException.class,
                () -> tracker.runPending(everyType("limit", "ten")));
        assertNothingRecorded(tracker, EVERY_TYPE);
        List<RunResult> results = tracker.runPending(everyType().withParameter("anything", "goes")).results();

        assertEquals(List.of(RunOutcome.SUCCEEDED, RunOutcome.SUCCEEDED),
                results.stream().map(RunResult::outcome).toList());
        assertEquals("goes", bound().get("anything"));
        assertFalse(tracker.history(EVERY_TYPE).get(0).parameters().containsKey("anything"));
        assertTrue(refused.getMessage().contains("expects an int (whole number), got 'ten'"), refused.getMessage());
    }

    @Test
    void fileParameter_mustNameAReadableFile_andFeedsCsvBatches() throws Exception {
        ScriptTracker tracker = tracker(ReadsAFile.class);
        Path csv = Files.writeString(dir.resolve("items.csv"), "id,name\n1,one\n2,two\n3,three\n");

        ParameterException missing = assertThrows(ParameterException.class, () -> tracker.run("0303_reads_a_file",
                RunOptions.defaults().withParameter("file", dir.resolve("nope.csv").toString())));
        assertEquals(0, db.count("select count(*) from tracked_scripts"));
        RunResult result = tracker.run("0303_reads_a_file", RunOptions.defaults().withParameter("file", csv.toString()));

        assertTrue(missing.getMessage().contains("parameter 'file' of script 0303_reads_a_file expects a readable"
                + " file (Path), got '" + dir.resolve("nope.csv") + "': there is no file "), missing.getMessage());
        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(3, db.count("select count(*) from items"));
    }

    @Test
    void secret_isStoredMasked_andNeitherOutputNorLogLinesNorStateShowIt() {
        ScriptTracker tracker = tracker(UsesASecret.class);

        RunResult result = tracker.run(SECRET_SCRIPT, RunOptions.defaults().withParameter("account", "acme")
                .withParameter("token", SECRET));

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(SECRET, bound().get("token"), "the script itself gets the value");
        HistoryEntry entry = tracker.history(SECRET_SCRIPT).get(0);
        assertEquals(Map.of("account", "acme", "token", "****", "fail", "false"), entry.parameters());
        assertTrue(entry.output().contains("[stdout] token is ****") && entry.output().contains(
                "calling the API for acme with token ****"), entry.output());
        assertSecretInNoColumn(SECRET);
        assertFalse(result.output().contains(SECRET), result.output());
        assertFalse(tracker.status().toString().contains(SECRET));
    }

    @Test
    void secretInAFailure_isMaskedInTheStoredErrorMessageAndStack() {
        ScriptTracker tracker = tracker(UsesASecret.class);

        RunResult result = tracker.run(SECRET_SCRIPT, RunOptions.defaults().withParameter("account", "acme")
                .withParameter("token", SECRET).withParameter("fail", "true"));

        assertEquals(RunOutcome.FAILED, result.outcome());
        assertTrue(result.message().contains("the API refused token ****"), result.message());
        HistoryEntry entry = tracker.history(SECRET_SCRIPT).get(0);
        assertTrue(entry.errorMessage().contains("the API refused token ****"), entry.errorMessage());
        assertTrue(entry.errorStack().contains("the API refused token ****"), entry.errorStack());
        assertSecretInNoColumn(SECRET);
    }

    @Test
    void secret_comesFromItsEnvironmentVariable_whenNotGiven_andIsMaskedAsWell() {
        ScriptTracker tracker = tracker(UsesASecret.class);

        RunResult result = tracker.run(SECRET_SCRIPT, RunOptions.defaults().withParameter("account", "acme"));

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals(ENV_SECRET, bound().get("token"));
        assertEquals("****", tracker.history(SECRET_SCRIPT).get(0).parameters().get("token"));
        assertSecretInNoColumn(ENV_SECRET);
    }

    @Test
    void badSecret_isRefusedWithoutShowingItsValue() {
        ScriptTracker tracker = tracker(EveryType.class, UsesASecret.class);

        ParameterException refused = assertThrows(ParameterException.class, () -> tracker.run(SECRET_SCRIPT,
                RunOptions.defaults().withParameter("token", SECRET).withParameter("fail", SECRET)));

        assertTrue(refused.getMessage().contains("needs the parameter 'account'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("parameter 'fail' of script 0302_uses_a_secret expects a boolean"
                + " (true or false), got '" + SECRET + "'"), "a value that is not secret is shown");
        assertEquals(0, db.count("select count(*) from tracked_scripts_history"));
    }

    private void assertSecretInNoColumn(String secret) {
        for (String table : List.of("tracked_scripts", "tracked_scripts_history")) {
            try (Handle h = db.jdbi().open()) {
                List<Map<String, Object>> rows = h.createQuery("select * from " + table).mapToMap().list();
                assertFalse(rows.isEmpty(), table);
                for (Map<String, Object> row : rows) {
                    row.forEach((column, value) -> assertFalse(String.valueOf(value).contains(secret),
                            table + "." + column + " holds the secret: " + value));
                }
                assertTrue(rows.stream().anyMatch(row -> String.valueOf(row.get("parameters")).contains("token=****")),
                        table + " stores the secret masked: " + rows);
            }
        }
    }

    @Test
    void nonIdentifyingParameters_areRecordedInTheHistory() {
        ScriptTracker tracker = tracker(EveryType.class);

        tracker.run(EVERY_TYPE, everyType("limit", "7"));

        HistoryEntry entry = tracker.history(EVERY_TYPE).get(0);
        assertEquals(List.of("limit"), entry.nonIdentifyingParameters());
        assertEquals("7", entry.parameters().get("limit"));
        assertFalse(entry.identifyingParameters().containsKey("limit"));
        assertEquals("acme", entry.identifyingParameters().get("tenant"));
    }

    @Test
    void resumedBatchRun_continuesWhenOnlyANonIdentifyingParameterChanged_andRefusesAnIdentifyingChange() {
        ScriptTracker tracker = tracker(ParameterScripts.Resumes.class);
        RunOptions acme = RunOptions.defaults().withParameter("tenant", "acme");

        RunResult failed = tracker.run("0305_resumes", acme.withParameter("failAt", "3"));
        RunResult otherTenant = tracker.run("0305_resumes", RunOptions.defaults().withParameter("tenant", "globex"));
        RunResult resumed = tracker.run("0305_resumes", acme);

        assertEquals(RunOutcome.FAILED, failed.outcome(), failed.message());
        assertEquals(RunOutcome.FAILED, otherTenant.outcome(), otherTenant.message());
        assertTrue(otherTenant.message().contains("that checkpoint was saved for a different source"),
                otherTenant.message());
        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertTrue(tracker.history("0305_resumes").get(2).resumed(), "the third attempt resumed after batch 1");
        assertEquals(6, db.count("select count(*) from items where name = 'acme'"));
    }

    @Test
    void rowsWrittenBeforeIdentifyingWasRecorded_readWithEveryParameterIdentifying() {
        ScriptTracker tracker = tracker(Undeclared.class);
        tracker.run("0304_undeclared", RunOptions.defaults().withParameter("anything", "x y"));
        db.execute("update tracked_scripts_history set parameters = 'anything=old+value&other=%3D'");

        HistoryEntry entry = tracker.history("0304_undeclared").get(0);

        assertEquals(Map.of("anything", "old value", "other", "="), entry.parameters());
        assertEquals(List.of(), entry.nonIdentifyingParameters());
        assertEquals(entry.parameters(), entry.identifyingParameters());
    }

    @Test
    void undeclaredParameters_arePassedAsText_asBefore() {
        ScriptTracker tracker = tracker(Undeclared.class);

        RunResult result = tracker.run("0304_undeclared", RunOptions.defaults().withParameter("anything", "42"));

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        assertEquals("42", bound().get("anything"));
        assertEquals(Map.of("anything", "42"), tracker.history("0304_undeclared").get(0).parameters());
    }
}
