package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared parameters through the built jar, on the embedded H2 default: checked before anything is created,
 * listed by status, and a secret that the script prints, logs and fails with is found nowhere.
 */
class ParametersCommandLineTest {

    static final String REFUND = "001_refund";
    static final String SECRET = "sk-live-7Hq2-SECRET";

    @TempDir
    Path dir;
    CliJar cli;
    Path classes;

    @BeforeEach
    void compileTheApplication() throws Exception {
        cli = new CliJar(dir);
        Path sources = Files.createDirectories(dir.resolve("src/com/acme"));
        Files.writeString(sources.resolve("Refund.java"), """
                package com.acme;
                import dev.scripttracker.*;
                import org.slf4j.LoggerFactory;
                @TrackedScript(id = "001_refund", description = "Refund a tenant", parameters = Refund.Params.class)
                public class Refund implements Script {
                    public enum Mode { PREVIEW, APPLY }
                    public record Params(@Param(description = "whose orders") String tenant,
                            @Param(defaultValue = "100", identifying = false) int limit,
                            @Param(secret = true, env = "REFUND_TOKEN", description = "API token") String token,
                            @Param(defaultValue = "PREVIEW") Mode mode,
                            @Param(defaultValue = "false") boolean fail) {
                    }
                    public void run(ScriptContext ctx) {
                        Params p = ctx.parameters(Params.class);
                        System.out.println("printed token " + p.token());
                        ctx.log("logged token {} for {} in mode {}", p.token(), p.tenant(), p.mode());
                        if (p.fail()) {
                            throw new IllegalStateException("the API refused token " + p.token());
                        }
                    }
                }
                """);
        classes = CreateAndCheckTest.compile(dir, CreateAndCheckTest.javaFiles(dir.resolve("src")));
    }

    CliJar.Result app(String... args) throws Exception {
        return app(Map.of(), args);
    }

    CliJar.Result app(Map<String, String> environment, String... args) throws Exception {
        String[] withClassPath = java.util.Arrays.copyOf(args, args.length + 2);
        withClassPath[args.length] = "--classpath";
        withClassPath[args.length + 1] = classes.toString();
        return cli.run(environment, withClassPath);
    }

    String h2Url() {
        return "jdbc:h2:file:" + dir.resolve(".script-tracker/script-tracker") + ";AUTO_SERVER=TRUE";
    }

    void assertNoTablesCreated() throws Exception {
        CliJar.Result status = app("status");
        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("no script-tracker tables named tracked_scripts*"), status.err());
    }

    @Test
    void badValue_exitsTwoNamingTheParameterAndItsType_andCreatesNothing() throws Exception {
        CliJar.Result run = app("run", REFUND, "--param", "tenant=acme", "--param", "token=t", "--param", "limit=ten");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("error: parameter 'limit' of script 001_refund expects an int (whole number),"
                + " got 'ten'"), run.err());
        assertNoTablesCreated();
    }

    @Test
    void unknownNameMissingRequiredAndBadEnum_eachNamed_exitTwo() throws Exception {
        CliJar.Result run = app("run", REFUND, "--param", "tenat=acme", "--param", "token=t", "--param", "mode=apply");

        assertEquals(2, run.exitCode(), run.all());
        for (String expected : List.of("script 001_refund has no parameter 'tenat'; its parameters are tenant, limit,"
                + " token, mode, fail", "script 001_refund needs the parameter 'tenant' (a text); pass it with --param"
                + " tenant=VALUE", "parameter 'mode' of script 001_refund expects one of PREVIEW, APPLY (Mode), got"
                + " 'apply'")) {
            assertTrue(run.err().contains(expected), expected + " in " + run.err());
        }
        assertNoTablesCreated();
    }

    @Test
    void missingSecret_withoutATerminalOrItsVariable_exitsTwoSayingHowToGiveIt() throws Exception {
        CliJar.Result run = app("run", REFUND, "--param", "tenant=acme");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.err().contains("script 001_refund needs the parameter 'token' (a text); pass it with --param"
                + " token=VALUE or set the environment variable REFUND_TOKEN"), run.err());
        assertNoTablesCreated();
    }

    @Test
    void missingSecret_onATerminal_isAskedFor_withoutEcho_andTheRunUsesItMasked() throws Exception {
        CliJar.Result run = cli.runOnTerminalAnswering("(secret parameter 'token' of script 001_refund): ", SECRET,
                "run", REFUND, "--param", "tenant=acme", "--classpath", classes.toString());
        CliJar.Result history = app("history", REFUND);

        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("API token (secret parameter 'token' of script 001_refund): "), run.out());
        assertTrue(run.out().contains("printed token ****"), "the script got the typed value, shown masked: " + run.out());
        assertFalse(run.all().contains(SECRET), "typed without echo, and masked after: " + run.all());
        assertTrue(history.out().contains("token=****"), history.out());
    }

    @Test
    void statusOfAScript_listsItsParameters_asATableAndAsJson() throws Exception {
        app("run", REFUND, "--param", "tenant=acme", "--param", "token=t");

        CliJar.Result table = app("status", REFUND);
        CliJar.Result json = app("status", REFUND, "--json");

        assertEquals(0, table.exitCode(), table.all());
        assertTrue(table.out().matches("(?s).*" + REFUND + " +success.*"), table.out());
        assertTrue(table.out().contains("Parameters of 001_refund (--param NAME=VALUE):"), table.out());
        assertTrue(table.out().matches("(?s).*\\n  tenant +String +required +no +yes +whose orders\\n.*"), table.out());
        assertTrue(table.out().matches("(?s).*\\n  limit +int +default 100 +no +no +\\n.*"), table.out());
        assertTrue(table.out().matches("(?s).*\\n  token +String +required +yes +yes +API token \\(env REFUND_TOKEN\\)\\n.*"),
                table.out());
        assertTrue(table.out().matches("(?s).*\\n  mode +Mode +default PREVIEW .*"), table.out());
        assertEquals(0, json.exitCode(), json.all());
        assertTrue(json.out().matches("(?s).*\"name\" : \"token\",\\s+\"type\" : \"String\",.*\"secret\" : true,"
                + "\\s+\"env\" : \"REFUND_TOKEN\".*"), json.out());
    }

    @Test
    void aSecretThatTheScriptPrintsLogsAndFailsWith_isInNoOutputLogStatusHistoryOrRow() throws Exception {
        CliJar.Result ran = app("run", REFUND, "--param", "tenant=acme", "--param", "token=" + SECRET);
        CliJar.Result failed = app(Map.of("REFUND_TOKEN", SECRET), "run", REFUND, "--force", "--param", "tenant=acme",
                "--param", "fail=true");
        CliJar.Result status = app("status", "--json");
        CliJar.Result statusOfIt = app("status", REFUND, "--json");
        CliJar.Result history = app("history", REFUND);

        assertEquals(0, ran.exitCode(), ran.all());
        assertEquals(1, failed.exitCode(), failed.all());
        assertTrue(ran.out().contains("printed token ****"), "the console shows the line masked: " + ran.out());
        assertTrue(ran.all().contains("logged token **** for acme in mode PREVIEW"), ran.all());
        assertTrue(failed.all().contains("the API refused token ****"), failed.all());
        assertTrue(history.out().contains("token=****") && history.out().contains("(not identifying: limit)"),
                history.out());
        for (CliJar.Result result : List.of(ran, failed, status, statusOfIt, history)) {
            assertFalse(result.all().contains(SECRET), "the secret in: " + result.all());
        }
        try (Handle h = Jdbi.create(h2Url()).open()) {
            for (String table : List.of("tracked_scripts", "tracked_scripts_history")) {
                List<Map<String, Object>> rows = h.createQuery("select * from " + table).mapToMap().list();
                assertFalse(rows.isEmpty(), table);
                rows.forEach(row -> row.forEach((column, value) -> assertFalse(String.valueOf(value).contains(SECRET),
                        table + "." + column + " holds the secret: " + value)));
            }
            List<String> outputs = h.createQuery("select output from tracked_scripts_history order by attempt")
                    .mapTo(String.class).list();
            assertTrue(outputs.get(0).contains("[stdout] printed token ****"), outputs.get(0));
            assertTrue(outputs.get(1).contains("logged token **** for acme"), outputs.get(1));
        }
    }
}
