package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.EditedScripts;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * What status, verify and run say and return when a script's code changed since it ran: two builds of one
 * application (the same class names compiled from two sources, each with its registry), one database.
 */
abstract class ChangedCodeCommandsContractTest {

    static final String REGISTRY = "# script-tracker registry 1\n"
            + "c01_fix\tchangedemo.Fix\tadds to the counter\t300\t0\tSCRIPT\t\tSCRIPT\n"
            + "c02_backfill\tchangedemo.Backfill\tcounts accounts\t300\t0\tBATCH\t\tSCRIPT\n";

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    TestDatabase db;
    private ClassLoader contextLoader;

    abstract DatabaseKind kind();

    @BeforeEach
    void createTables() {
        contextLoader = Thread.currentThread().getContextClassLoader();
        db = fresh.get();
        EditedScripts.createTables(db, 6);
    }

    @AfterEach
    void restoreContextLoader() {
        // The commands set the application's class loader as the thread's, as they do in their own JVM.
        Thread.currentThread().setContextClassLoader(contextLoader);
    }

    /** The application's classes directory, built with {@code step} in the scripts' code, its registry included. */
    static Path build(int step, String... javacOptions) {
        Path classes = EditedScripts.build(step, javacOptions).directory();
        try {
            Path registry = Files.createDirectories(classes.resolve("META-INF/script-tracker"));
            Files.writeString(registry.resolve("index.txt"), "clidemo.tsv\n");
            Files.writeString(registry.resolve("clidemo.tsv"), REGISTRY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    record Run(int exit, String out, String err) {
    }

    Run cli(Path classes, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url(), "--classpath", classes.toString()));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void statusAndVerify_sayNothingChanged_afterARebuildOfTheSameSource() {
        assertEquals(0, cli(build(1, "-g"), "run").exit());
        Path rebuilt = build(1, "-g:none");

        Run status = cli(rebuilt, "status");
        Run verify = cli(rebuilt, "verify");

        assertFalse(status.out().contains("[code changed"), status.out());
        assertTrue(Pattern.compile("(?m)^c01_fix +success .* [0-9a-f]{16} ").matcher(status.out()).find(),
                status.out());
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("verified 2 scripts: none changed since it succeeded"), verify.out());
    }

    @Test
    void afterAnEdit_statusMarksTheScript_jsonSaysSo_andVerifyExits1ListingIt() {
        Path first = build(1);
        assertEquals(0, cli(first, "run").exit());
        Path edited = build(2);

        Run status = cli(edited, "status");
        Run json = cli(edited, "status", "--json");
        Run verify = cli(edited, "verify");

        assertTrue(Pattern.compile("(?m)^c01_fix +success .*\\[code changed] \\(now [0-9a-f]{16}\\)")
                .matcher(status.out()).find(), status.out());
        assertTrue(status.out().contains(StatusTable.LEGEND), status.out());
        assertTrue(Pattern.compile("\"checksum\" : \"[0-9a-f]{64}\",\\s*\"currentChecksum\" : \"[0-9a-f]{64}\",\\s*"
                + "\"codeChanged\" : true,\\s*\"codeChangedSinceSuccess\" : true").matcher(json.out()).find(), json.out());
        assertEquals(1, verify.exit(), verify.out() + verify.err());
        assertTrue(Pattern.compile("(?m)^c01_fix: code changed since it succeeded \\(attempt 1 at .* UTC by .*\\):"
                + " recorded [0-9a-f]{16}, class path [0-9a-f]{16}$").matcher(verify.out()).find(), verify.out());
        assertTrue(Pattern.compile("(?m)^c02_backfill: code changed").matcher(verify.out()).find(), verify.out());
        assertTrue(verify.out().contains("verified 2 scripts: 2 changed since they succeeded"), verify.out());
        assertEquals(0, cli(first, "verify").exit(), "the first build is what ran");
    }

    @Test
    void runOfAMidwayBatchScriptWhoseCodeChanged_exits1NamingBothWaysOn_andRunsWithForceWarning() {
        db.execute("insert into fail_at (batch_no) values (2)");
        assertEquals(1, cli(build(1), "run", "c02_backfill").exit());
        db.execute("delete from fail_at");
        Path edited = build(2);

        Run refused = cli(edited, "run", "c02_backfill");
        Run status = cli(edited, "status");

        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.out().contains("c02_backfill  CODE_CHANGED: not resumed: script c02_backfill stopped"
                + " mid-way, after 2 items"), refused.out());
        assertTrue(refused.out().contains("run c02_backfill --force") && refused.out().contains(
                "run c02_backfill --restart"), refused.out());
        assertEquals(2, db.count("select count(*) from accounts where counter = 1"), "nothing more ran");
        assertTrue(status.out().contains(StatusTable.CODE_CHANGED_MIDWAY + " (now "), status.out());
        assertTrue(status.out().contains(StatusTable.LEGEND_MIDWAY), status.out());

        Run forced = cli(edited, "run", "c02_backfill", "--force");

        assertEquals(0, forced.exit(), forced.out() + forced.err());
        assertTrue(forced.err().contains("warning: script c02_backfill: its code changed since attempt 1 (failed)"),
                forced.err());
        assertEquals(2, db.count("select count(*) from accounts where counter = 1"));
        assertEquals(4, db.count("select count(*) from accounts where counter = 2"), "the rest with the new code");
    }

    @Test
    void verifyWithoutScriptsOnTheClassPath_isAUsageError() throws IOException {
        cli(build(1), "run");

        Run verify = cli(Files.createTempDirectory("empty-app"), "verify");

        assertEquals(2, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.err().contains("no scripts are registered on the class path, so nothing was verified"),
                verify.err());
    }
}
