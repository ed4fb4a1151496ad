package dev.scripttracker.console;

import static dev.scripttracker.console.ConsoleScripts.QUICK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials, CSRF tokens, read-only mode and the loopback rule, over real HTTP on H2. */
class ConsoleSecurityTest {

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(DatabaseKind.H2);

    private RunningConsole console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private RunningConsole withPassword() {
        console = new RunningConsole(fresh.get(), ConsoleSettings.defaults()
                .withCredentials(Credentials.of("alice", "s3cret-pw", "t0ken-for-ci")));
        return console;
    }

    @Test
    void anActionWithoutCredentials_isRefused401_andRunsNothing() throws Exception {
        withPassword();
        HttpResponse<String> refused = Http.anonymous().post(console.url("scripts/" + QUICK + "/run"), "confirm=yes");

        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), refused.headers().toString());
        assertEquals(401, Http.basic("alice", "wrong").get(console.url()).statusCode());
        assertEquals(401, Http.bearer("not-the-token").get(console.url()).statusCode());
        assertNothingRan();
    }

    @Test
    void anActionWithoutTheCsrfToken_isRefused403_andRunsNothing() throws Exception {
        withPassword();
        Http alice = Http.basic("alice", "s3cret-pw");

        HttpResponse<String> noToken = alice.post(console.url("scripts/" + QUICK + "/run"), "confirm=yes");
        HttpResponse<String> wrongToken = alice.post(console.url("scripts/" + QUICK + "/run"), "confirm=yes&csrf=00ff");

        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("CSRF token is missing or out of date"), noToken.body());
        assertEquals(403, wrongToken.statusCode());
        assertNothingRan();
    }

    @Test
    void anActionWithTheTokenOfTheConfirmPage_runsTheScript_recordingWhoAskedForIt() throws Exception {
        withPassword();
        Http alice = Http.basic("alice", "s3cret-pw");
        HttpResponse<String> done = alice.run(console.url(), QUICK, "parameters=tenant%3Dacme");

        assertEquals(303, done.statusCode());
        assertEquals("/scripts/" + QUICK + "?notice=run-started", done.headers().firstValue("Location").orElseThrow());
        Eventually.until(() -> console.state(QUICK).status() == ScriptStatus.SUCCESS, "the run to succeed");
        assertEquals("acme", console.history(QUICK).get(0).parameters().get("tenant"));
        assertTrue(console.audit.get(0).startsWith("alice asked the console to run " + QUICK), console.audit.toString());
    }

    @Test
    void aBearerToken_opensThePages_andItsCsrfTokenIsItsOwn() throws Exception {
        withPassword();
        HttpResponse<String> page = Http.bearer("t0ken-for-ci").get(console.url("scripts/" + QUICK));
        String alicesToken = Http.csrfOf(Http.basic("alice", "s3cret-pw").get(console.url("scripts/" + QUICK)).body());

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("signed in as token"), page.body());
        assertEquals(403, Http.bearer("t0ken-for-ci").post(console.url("scripts/" + QUICK + "/run"),
                "confirm=yes&csrf=" + alicesToken).statusCode());
        assertNothingRan();
    }

    @Test
    void readOnly_offersNoAction_andRefusesThem403() throws Exception {
        console = new RunningConsole(fresh.get(), ConsoleSettings.defaults().withReadOnly(true));
        Http local = Http.anonymous();

        String page = local.get(console.url("scripts/" + QUICK)).body();
        HttpResponse<String> confirm = local.get(console.url("scripts/" + QUICK + "/run"));
        HttpResponse<String> action = local.post(console.url("scripts/" + QUICK + "/run"), "confirm=yes");

        assertFalse(page.contains("Run…"), page);
        assertEquals(403, confirm.statusCode());
        assertEquals(403, action.statusCode());
        assertTrue(action.body().contains("read-only"), action.body());
        assertNothingRan();
    }

    @Test
    void parametersThatAreNotNameEqualsValue_areRefused400_namingTheLine_andRunNothing() throws Exception {
        console = new RunningConsole(fresh.get());
        Http local = Http.anonymous();
        String token = Http.csrfOf(local.get(console.url("scripts/" + QUICK)).body());

        HttpResponse<String> refused = local.post(console.url("scripts/" + QUICK + "/run"),
                "parameters=tenant%3Dacme%0Ajust+words&csrf=" + token);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("parameter line 2 (just words) is not NAME=VALUE"), refused.body());
        assertNothingRan();
    }

    @Test
    void aNonLoopbackAddressWithoutCredentials_isRefused_sayingHowToFixIt() {
        Console open = new Console(null, ConsoleSettings.defaults());

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> ConsoleServer.start(open, "0.0.0.0", 0));

        assertTrue(refused.getMessage().contains("refusing to serve the console on 0.0.0.0 without credentials"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("SCRIPT_TRACKER_CONSOLE_PASSWORD"), refused.getMessage());
        open.close();
    }

    @Test
    void withoutCredentials_aRequestNamingAnotherHost_isRefused() throws Exception {
        console = new RunningConsole(fresh.get());
        int port = java.net.URI.create(console.url()).getPort();

        assertEquals("HTTP/1.1 403 Forbidden", statusLine(port, "evil.example:" + port));
        assertEquals("HTTP/1.1 200 OK", statusLine(port, "localhost:" + port));
    }

    @Test
    void everyAnswer_forbidsInlineScriptsAndFraming() throws Exception {
        console = new RunningConsole(fresh.get());

        HttpResponse<String> page = Http.anonymous().get(console.url());

        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    /** Sent by hand: java.net.http does not let a caller choose the Host header. */
    private static String statusLine(int port, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private void assertNothingRan() {
        assertEquals(ScriptStatus.PENDING, console.state(QUICK).status());
        assertTrue(console.history(QUICK).isEmpty(), console.history(QUICK).toString());
        assertTrue(console.audit.isEmpty(), console.audit.toString());
    }
}
