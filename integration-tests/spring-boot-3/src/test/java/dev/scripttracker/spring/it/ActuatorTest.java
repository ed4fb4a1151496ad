package dev.scripttracker.spring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.spring.actuate.ScriptHealth;
import dev.scripttracker.spring.sample.scripts.CheckEntries;
import dev.scripttracker.spring.sample.scripts.ReconcileSlowly;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample started with {@code run-pending} and {@code on-failure=log}, every script run at start-up
 * (two of them fail), read over HTTP as an operator would: the endpoint, health and metrics.
 */
class ActuatorTest {

    private static final String FAILING = "20261201100000_duplicate_transfer";
    private static final String PARTIAL = "20261201110000_audited_correction";
    private static final String BATCH = "20261201130000_check_entries";
    private static final String SWALLOWED = "20261201150000_swallowed_failure";

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(DatabaseKind.H2);

    @Test
    void theEndpointHealthAndMetrics_showWhatTheStartUpRunDid() throws Exception {
        try (ConfigurableApplicationContext app = start("scripttracker.health.failed-status=down")) {
            String base = baseOf(app);

            Map<String, Object> report = json(get(base + "/actuator/scripttracker", 200));
            Map<String, Map<String, Object>> scripts = scriptsIn(report, app.getId());
            assertEquals(List.of("20261201090000_open_accounts", FAILING, PARTIAL, "20261201120000_commit_probe", BATCH,
                    "20261201140000_reconcile_slowly", SWALLOWED), List.copyOf(scripts.keySet()));
            assertEquals("success", scripts.get("20261201090000_open_accounts").get("status"));
            assertEquals(List.of(Map.of("name", "aliceBalance", "type", "int", "expects", "an int (whole number)",
                    "required", false, "defaultValue", "100", "secret", false, "identifying", false,
                    "description", "alice's opening balance")),
                    withoutNulls(scripts.get("20261201090000_open_accounts").get("parameters")));
            assertEquals(List.of(), scripts.get(FAILING).get("parameters"));
            Map<?, ?> opened = (Map<?, ?>) JsonParserFactory.getJsonParser().parseList(get(base
                    + "/actuator/scripttracker/20261201090000_open_accounts", 200)).get(0);
            assertEquals(Map.of("aliceBalance", "100"), opened.get("parameters"));
            assertEquals(List.of("aliceBalance"), opened.get("nonIdentifyingParameters"));
            assertEquals("failed", scripts.get(FAILING).get("status"));
            assertTrue(String.valueOf(map(scripts.get(FAILING), "lastAttempt").get("errorMessage"))
                    .contains("its work was rolled back"));
            assertEquals(true, scripts.get(PARTIAL).get("needsExplicitRun"));
            assertEquals(3, ((Number) map(scripts.get(BATCH), "progress").get("done")).intValue());

            List<Object> history = JsonParserFactory.getJsonParser().parseList(get(base + "/actuator/scripttracker/"
                    + FAILING, 200));
            assertEquals(1, history.size());
            assertEquals("failed", ((Map<?, ?>) history.get(0)).get("status"));
            get(base + "/actuator/scripttracker/20990101000000_no_such_script", 404);

            Map<String, Object> health = json(get(base + "/actuator/health", 503));
            assertEquals("DOWN", health.get("status"));
            Map<String, Object> ours = map(map(health, "components"), "scripttracker");
            assertEquals("DOWN", ours.get("status"));
            assertEquals(List.of(FAILING, PARTIAL, SWALLOWED), map(ours, "details").get("failed"));

            assertEquals(1.0, metric(base, "scripttracker.runs", "COUNT", "script:" + FAILING, "outcome:failed"));
            assertEquals(1.0, metric(base, "scripttracker.runs", "COUNT", "script:" + BATCH, "outcome:succeeded"));
            assertEquals(3.0, metric(base, "scripttracker.scripts", "VALUE", "state:failed"));
            assertEquals(0.0, metric(base, "scripttracker.scripts", "VALUE", "state:pending"));
            assertEquals(3.0, metric(base, "scripttracker.batch.rows", "COUNT", "script:" + BATCH));
        }
    }

    @Test
    void aFailedScript_canTakeTheApplicationOutOfServiceInsteadOfDown() throws Exception {
        try (ConfigurableApplicationContext app = start("scripttracker.health.failed-status=out-of-service")) {
            Map<String, Object> health = json(get(baseOf(app) + "/actuator/health/scripttracker", 503));
            assertEquals("OUT_OF_SERVICE", health.get("status"));
        }
    }

    /** The parameters as JSON lists them, without the fields that are null (env, for one without). */
    private static List<Map<?, ?>> withoutNulls(Object parameters) {
        return ((List<?>) parameters).stream().map(p -> ((Map<?, ?>) p).entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))).collect(Collectors.toList());
    }

    @Test
    void aResumedBatchRun_countsEachRowOnce_andRunsOutsideTheStartUpAreTimed() {
        try (ConfigurableApplicationContext app = SampleContext.start(db.get())) {
            ScriptTracker tracker = app.getBean(ScriptTracker.class);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            tracker.run("20261201090000_open_accounts");
            db.get().execute("insert into ledger (id, account, amount) values (3, 'gina', 5)",
                    "insert into ledger (id, account, amount) values (4, 'hal', 5)");
            CheckEntries script = app.getBean(CheckEntries.class);
            script.failInBatch = 2;
            RunResult failed = tracker.run(BATCH);
            assertEquals(RunOutcome.FAILED, failed.outcome());
            script.failInBatch = 0;

            RunResult resumed = tracker.run(BATCH);

            assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
            assertEquals(4.0, meters.get("scripttracker.batch.rows").tag("script", BATCH).counter().count());
            assertEquals(1, meters.get("scripttracker.runs").tag("script", BATCH).tag("outcome", "failed").timer().count());
            assertEquals(1, meters.get("scripttracker.runs").tag("script", BATCH).tag("outcome", "succeeded").timer()
                    .count(), "the application's own runs, not only the start-up's");
            assertEquals(1, meters.get("scripttracker.runs").tag("script", "20261201090000_open_accounts")
                    .tag("outcome", "succeeded").timer().count());
        }
    }

    @Test
    void aRunningScriptWhoseHeartbeatIsOlderThanStuckAfter_isReportedStuck() throws Exception {
        String slow = "20261201140000_reconcile_slowly";
        try (ConfigurableApplicationContext app = SampleContext.start(db.get(), "scripttracker.health.stuck-after=1ms",
                "scripttracker.lease=PT1H")) {
            ReconcileSlowly script = app.getBean(ReconcileSlowly.class);
            script.holdOn = true;
            ScriptTracker tracker = app.getBean(ScriptTracker.class);
            Thread running = new Thread(() -> tracker.run(slow));
            running.start();
            for (int polls = 0; tracker.status().stream()
                    .noneMatch(s -> s.id().equals(slow) && s.status() == ScriptStatus.RUNNING); polls++) {
                if (polls == 6_000) {
                    throw new AssertionError(slow + " never showed as running");
                }
                Thread.sleep(10);
            }
            Thread.sleep(5); // older than stuck-after: 1 ms

            ScriptHealth.Report report = app.getBean(ScriptHealth.class).check();

            script.release.countDown();
            running.join();
            assertEquals("DOWN", report.status());
            assertEquals(List.of(slow), report.details().get("stuck"));
            assertEquals(1L, report.details().get("running"));
        }
    }

    private ConfigurableApplicationContext start(String healthSetting) {
        return SampleContext.builder(db.get(), WebApplicationType.SERVLET, "server.port=0",
                "scripttracker.run-pending=true", "scripttracker.on-failure=log",
                "scripttracker.continue-after-failure=true", healthSetting,
                "management.endpoints.web.exposure.include=health,metrics,scripttracker",
                "management.endpoint.health.show-details=always").run();
    }

    private static String baseOf(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    private static double metric(String base, String name, String statistic, String... tags) throws Exception {
        String query = List.of(tags).stream().map(t -> "tag=" + t).collect(Collectors.joining("&"));
        Map<String, Object> body = json(get(base + "/actuator/metrics/" + name + "?" + query, 200));
        for (Object measurement : (List<?>) body.get("measurements")) {
            Map<?, ?> m = (Map<?, ?>) measurement;
            if (statistic.equals(m.get("statistic"))) {
                return ((Number) m.get("value")).doubleValue();
            }
        }
        throw new AssertionError("no " + statistic + " in " + body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> scriptsIn(Map<String, Object> report, String contextId) {
        Map<String, Object> tracker = map(map(map(map(report, "contexts"), contextId), "scriptTrackers"), "scriptTracker");
        return ((List<Object>) tracker.get("scripts")).stream().map(s -> (Map<String, Object>) s)
                .collect(Collectors.toMap(s -> (String) s.get("id"), s -> s, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (!(child instanceof Map)) {
            throw new AssertionError("no object '" + key + "' in " + parent);
        }
        return (Map<String, Object>) child;
    }

    private static Map<String, Object> json(String body) {
        return JsonParserFactory.getJsonParser().parseMap(body);
    }

    private static String get(String url, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), url + " answered " + response.body());
        return response.body();
    }
}
