package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** {@code script-tracker serve}: the built jar serving the demo's scripts in a JVM of its own. */
class ServeCommandTest extends DemoCommandLine {

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("admin:pw-for-test"
            .getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyInterfaceWithoutCredentials_exitsTwoSayingHowToFixIt_andWritesNothing() throws Exception {
        CliJar.Result refused = app("serve", "--host", "0.0.0.0", "--port", "0");

        assertEquals(2, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("refusing to serve the console on 0.0.0.0 without credentials"), refused.err());
        try (Handle h = Jdbi.create(h2Url()).open()) {
            assertEquals(0, h.createQuery("select count(*) from information_schema.tables where lower(table_name)"
                    + " like 'tracked_scripts%'").mapTo(Integer.class).one());
        }
    }

    @Test
    void serve_showsTheScripts_andRunsOneAsTheConsolesUser() throws Exception {
        Process serve = start("serve", "--port", "0", "--classpath", CliJar.DEMO_CLASSES.toString());
        try {
            BlockingQueue<String> lines = drain(serve);
            String url = urlFrom(lines);

            assertEquals(401, get(url, null).statusCode());
            HttpResponse<String> list = get(url, BASIC);
            assertEquals(200, list.statusCode(), list.body());
            assertTrue(list.body().contains(BACKFILL) && list.body().contains(NORMALIZE), list.body());

            String page = get(url + "scripts/" + BACKFILL, BASIC).body();
            String confirm = post(url + "scripts/" + BACKFILL + "/run", "csrf=" + field(page, "csrf")).body();
            HttpResponse<String> started = post(url + "scripts/" + BACKFILL + "/run", "confirm=yes&csrf="
                    + field(confirm, "csrf") + "&pending=" + field(confirm, "pending"));
            assertEquals(303, started.statusCode(), started.body());

            String outcome = lineContaining(lines, "console: run " + BACKFILL);
            assertTrue(outcome.contains("(asked by admin): SUCCEEDED"), outcome);
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(1, TimeUnit.MINUTES), "serve did not stop on SIGTERM");
        }
        try (Handle h = Jdbi.create(h2Url()).open()) {
            assertEquals("admin (web console)", h.createQuery("select executed_by from tracked_scripts where script_id = :id")
                    .bind("id", BACKFILL).mapTo(String.class).one());
        }
    }

    private Process start(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", CliJar.JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SCRIPT_TRACKER_"));
        builder.environment().put("SCRIPT_TRACKER_CONSOLE_PASSWORD", "pw-for-test");
        return builder.start();
    }

    private static BlockingQueue<String> drain(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (java.io.IOException closed) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String urlFrom(BlockingQueue<String> lines) throws InterruptedException {
        Matcher url = Pattern.compile("console on (http://\\S+/)").matcher(lineContaining(lines, "console on "));
        assertTrue(url.find());
        return url.group(1);
    }

    private static String lineContaining(BlockingQueue<String> lines, String text) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        while (true) {
            String line = lines.poll(2, TimeUnit.MINUTES);
            if (line == null) {
                throw new AssertionError("no line with '" + text + "' within 2 minutes; output:\n" + seen);
            }
            seen.append(line).append('\n');
            if (line.contains(text)) {
                return line;
            }
        }
    }

    private static String field(String page, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([0-9a-f]+)\"").matcher(page);
        assertTrue(value.find(), page);
        return value.group(1);
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", BASIC)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
