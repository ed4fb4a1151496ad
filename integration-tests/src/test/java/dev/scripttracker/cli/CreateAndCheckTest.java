package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create writes a script that compiles with the processor and runs; check finds bad ids across modules. */
class CreateAndCheckTest {

    static final Path PROCESSOR = Path.of(System.getProperty("user.dir"))
            .resolve("../processor/target/script-tracker-processor-0.1.0-SNAPSHOT.jar").normalize();

    @TempDir
    Path dir;

    @Test
    void createdScript_compilesWithTheProcessorAndRunsUntilItIsWritten() throws Exception {
        CliJar cli = new CliJar(dir);
        Path sources = dir.resolve("src");

        CliJar.Result first = cli.run("create", "Backfill dark theme for legacy users", "--source-dir",
                sources.toString(), "--package", "com.acme.scripts");
        CliJar.Result second = cli.run("create", "Backfill dark theme for legacy users", "--source-dir",
                sources.toString());

        assertEquals(0, first.exitCode(), first.all());
        assertEquals(0, second.exitCode(), second.all());
        List<Path> created = javaFiles(sources);
        assertEquals(List.of("BackfillDarkThemeForLegacyUsers.java", "BackfillDarkThemeForLegacyUsers2.java"),
                created.stream().map(p -> p.getFileName().toString()).sorted().toList(), "no clashing class name");
        String source = Files.readString(created.get(0));
        assertTrue(source.matches("(?s).*id = \"\\d{14}_backfill_dark_theme_for_legacy_users\".*"), source);
        Path classes = compile(dir, created);
        CliJar.Result run = cli.run("run", "--classpath", classes.toString());
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains("is not written yet"), run.out());
    }

    @Test
    void createdScripts_withDescriptionsThatLookLikeCode_compileWithTheProcessor_andKeepTheirDescription()
            throws Exception {
        CliJar cli = new CliJar(dir);
        Path sources = dir.resolve("src");
        List<String> descriptions = List.of("close */ comment", "sneaky \\u002a/ escape, \"quotes\" and back\\slash",
                "line\nbreak\tand\u0007bell", "@deprecated <b>bold</b> & {@code x}", "Straße façade, with a period.");

        for (String description : descriptions) {
            CliJar.Result create = cli.run("create", description, "--source-dir", sources.toString(), "--package",
                    "com.acme.scripts");
            assertEquals(0, create.exitCode(), create.all());
        }
        Path classes = compile(dir, javaFiles(sources));
        cli.run("cleanup");
        CliJar.Result status = cli.run("status", "--json", "--classpath", classes.toString());

        assertTrue(status.out().contains("\"description\" : \"close */ comment\""), status.out());
        assertTrue(status.out().contains("\"description\" : \"sneaky \\\\u002a/ escape, \\\"quotes\\\" and back\\\\slash\""),
                status.out());
        assertTrue(status.out().contains("\"description\" : \"line break and bell\""), status.out());
        assertTrue(status.out().matches("(?s).*\"id\" : \"\\d{14}_strasse_facade_with_a_period\".*"), status.out());
    }

    @Test
    void create_transliteratesAccentsForTheIdAndTheClass_andRefusesADescriptionWithNoLatinWord() throws Exception {
        CliJar cli = new CliJar(dir);
        Path sources = dir.resolve("src");

        CliJar.Result accents = cli.run("create", "über naïve 日本", "--source-dir", sources.toString(),
                "--package", "com.acme.scripts");
        CliJar.Result nothingLatin = cli.run("create", "日本語のスクリプト", "--source-dir", sources.toString(),
                "--package", "com.acme.scripts");

        assertEquals(0, accents.exitCode(), accents.all());
        assertTrue(accents.out().matches("(?s).*UberNaive\\.java with id \\d{14}_uber_naive\\s.*"), accents.out());
        assertEquals(2, nothingLatin.exitCode(), nothingLatin.all());
        assertTrue(nothingLatin.err().contains("gives the script's id nothing to go on: ids allow only Latin letters"),
                nothingLatin.err());
        assertEquals(1, javaFiles(sources).size(), "nothing written for the refused one");
    }

    @Test
    void check_reportsDuplicateAndMalformedIdsAcrossModulesWithFileAndLine() throws Exception {
        Path billing = dir.resolve("billing/src/main/java/com/acme/billing");
        Path shipping = dir.resolve("shipping/src/main/java/com/acme/shipping");
        Files.createDirectories(billing);
        Files.createDirectories(shipping);
        Files.writeString(billing.resolve("FixInvoices.java"), "package com.acme.billing;\n"
                + "@dev.scripttracker.TrackedScript(id = \"20261124_fix\")\npublic class FixInvoices {}\n");
        Files.writeString(shipping.resolve("FixParcels.java"), "package com.acme.shipping;\n"
                + "@dev.scripttracker.TrackedScript(id = \"20261124_fix\")\npublic class FixParcels {}\n");
        Files.writeString(shipping.resolve("BadId.java"), "package com.acme.shipping;\n"
                + "@dev.scripttracker.TrackedScript(id = \"fix parcels!\")\npublic class BadId {}\n");

        CliJar.Result check = new CliJar(dir).run("check", dir.resolve("billing/src/main/java").toString(),
                dir.resolve("shipping/src/main/java").toString());
        CliJar.Result clean = new CliJar(dir).run("check", dir.resolve("billing/src/main/java").toString());

        assertEquals(1, check.exitCode(), check.all());
        assertTrue(check.out().contains("FixInvoices.java:2: [TrackedScript.duplicateId]"), check.out());
        assertTrue(check.out().contains("FixParcels.java:2: [TrackedScript.duplicateId]"), check.out());
        assertTrue(check.out().contains("BadId.java:2: [TrackedScript.badId]"), check.out());
        assertEquals(0, clean.exitCode(), clean.all());
    }

    @Test
    void createdScriptWithParameters_compilesWithTheProcessor_andItsRunChecksThem() throws Exception {
        CliJar cli = new CliJar(dir);
        Path sources = dir.resolve("src");

        CliJar.Result created = cli.run("create", "Refund orders", "--source-dir", sources.toString(), "--package",
                "com.acme", "--param", "tenant:String", "--param", "limit:int=100", "--param", "from:Optional<LocalDate>");
        CliJar.Result badType = cli.run("create", "Refund more", "--source-dir", sources.toString(), "--param",
                "when:Date");
        Path classes = compile(dir, javaFiles(sources));
        String id = Files.readString(javaFiles(sources).get(0))
                .replaceAll("(?s).*id = \"(\\d{14}_refund_orders)\".*", "$1");
        CliJar.Result missing = cli.run("run", id, "--classpath", classes.toString());

        assertEquals(0, created.exitCode(), created.all());
        assertEquals(2, badType.exitCode(), badType.all());
        assertTrue(badType.err().contains("--param when:Date: type 'Date' is not one a parameter can have"),
                badType.err());
        assertEquals(1, javaFiles(sources).size(), "the refused one wrote nothing");
        assertEquals(2, missing.exitCode(), missing.all());
        assertTrue(missing.err().contains("script " + id + " needs the parameter 'tenant' (a text)"), missing.err());
    }

    @Test
    void runningAScriptWhoseAfterScriptHasNotRun_exitsOneAndSaysWhatItWaitsFor() throws Exception {
        Path sources = dir.resolve("src/com/acme");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("First.java"), "package com.acme;\nimport dev.scripttracker.*;\n"
                + "@TrackedScript(id = \"001_first\")\npublic class First implements Script {\n"
                + "    public void run(ScriptContext ctx) {}\n}\n");
        Files.writeString(sources.resolve("Second.java"), "package com.acme;\nimport dev.scripttracker.*;\n"
                + "@TrackedScript(id = \"002_second\", after = \"001_first\")\npublic class Second implements Script {\n"
                + "    public void run(ScriptContext ctx) {}\n}\n");
        Path classes = compile(dir, javaFiles(dir.resolve("src")));

        CliJar.Result blocked = new CliJar(dir).run("run", "002_second", "--classpath", classes.toString());
        CliJar.Result inOrder = new CliJar(dir).run("run", "--classpath", classes.toString());

        assertEquals(1, blocked.exitCode(), blocked.all());
        assertTrue(blocked.out().contains("002_second  BLOCKED") && blocked.out().contains("001_first"), blocked.out());
        assertEquals(0, inOrder.exitCode(), inOrder.all());
    }

    static List<Path> javaFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Compiles the sources with the processor into {@code dir/classes}. */
    static Path compile(Path dir, List<Path> sources) throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(log, files, null, List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-processorpath", PROCESSOR.toString()), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, "the created scripts must compile as they are:\n" + log);
        }
        return classes;
    }
}
