package dev.scripttracker.spring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The web console inside the sample application, after its start-up run (Boot 3.5 here, 4.0 in spring-boot-4). */
class ConsoleInSpringTest {

    private static final String FAILING = "20261201100000_duplicate_transfer";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("ops:pw-for-test"
            .getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(DatabaseKind.H2);

    @Test
    void theConsole_listsTheScriptsTheStartUpRan_andShowsAFailuresError_toItsUserOnly() throws Exception {
        try (ConfigurableApplicationContext app = SampleContext.builder(db.get(), WebApplicationType.SERVLET,
                "server.port=0", "scripttracker.run-pending=true", "scripttracker.on-failure=log",
                "scripttracker.continue-after-failure=true", "scripttracker.console.enabled=true",
                "scripttracker.console.user=ops", "scripttracker.console.password=pw-for-test").run()) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/scripttracker/";

            HttpResponse<String> anonymous = get(base, null);
            HttpResponse<String> list = get(base + "?status=failed", BASIC);
            HttpResponse<String> failure = get(base + "scripts/" + FAILING, BASIC);

            assertEquals(401, anonymous.statusCode());
            assertEquals(200, list.statusCode(), list.body());
            assertTrue(list.body().contains(FAILING) && list.body().contains("signed in as ops"), list.body());
            assertTrue(failure.body().contains("DuplicateKeyException") && failure.body().contains("its work was rolled back"),
                    failure.body());
        }
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
