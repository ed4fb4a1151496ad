package dev.scripttracker.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a small application with Maven and the processor, runs its scripts through the runtime,
 * then breaks it the ways users do. Needs the runtime and processor in the local repository: the
 * README's test command (mvn install) puts them there before this module runs.
 */
class ProcessorEndToEndTest {

    @TempDir
    Path root;

    @Test
    void scriptsCompiledByTheProcessor_runOnceThroughTheRegistryResources() throws Exception {
        SampleApp app = new SampleApp(root);
        app.writePom();
        app.script("CreateDefaults", "20261124090000_create_defaults",
                "ctx.handle().execute(\"create table if not exists defaults (k varchar(20))\");");
        app.script("FillDefaults", "20261124100000_fill_defaults",
                "ctx.handle().execute(\"insert into defaults values ('theme')\");");

        SampleApp.Result first = app.maven("compile", "exec:java");
        SampleApp.Result second = app.maven("exec:java");

        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("RESULT 20261124090000_create_defaults SUCCEEDED"), first.output());
        assertTrue(first.output().contains("RESULT 20261124100000_fill_defaults SUCCEEDED"), first.output());
        assertTrue(second.output().contains("RESULT 20261124100000_fill_defaults ALREADY_DONE"), second.output());
    }

    @Test
    void duplicateId_failsTheBuildWithTheFileAndLineOfBothScripts() throws Exception {
        SampleApp app = new SampleApp(root);
        app.writePom();
        app.script("FixInvoices", "20261124090000_fix", "ctx.log(\"invoices\");");
        app.script("FixParcels", "20261124090000_fix", "ctx.log(\"parcels\");");

        SampleApp.Result build = app.maven("compile");

        assertNotEquals(0, build.exitCode(), build.output());
        assertTrue(build.output().matches("(?s).*FixInvoices\\.java:\\[5,.*\\[TrackedScript\\.duplicateId\\].*"),
                build.output());
        assertTrue(build.output().matches("(?s).*FixParcels\\.java:\\[5,.*\\[TrackedScript\\.duplicateId\\].*"),
                build.output());
    }

    @Test
    void changingOneScriptAndRebuilding_keepsEveryScriptRegistered() throws Exception {
        rebuildAfterChangingOneScript();
    }

    /** Maven then hands javac only the changed sources; the registry must still list every script. */
    @Test
    void rebuildingOnlyTheChangedSources_keepsEveryScriptRegistered() throws Exception {
        rebuildAfterChangingOneScript("-Dmaven.compiler.useIncrementalCompilation=false");
    }

    private void rebuildAfterChangingOneScript(String... flags) throws Exception {
        SampleApp app = compiled(flags, "FirstFix", "20261124090000_first", "SecondFix", "20261124100000_second");
        app.script("SecondFix", "20261124100000_second", "ctx.log(\"second, corrected\");");
        app.script("ThirdFix", "20261124110000_third", "ctx.log(\"third\");");

        SampleApp.Result rebuilt = app.maven(with(flags, "compile", "exec:java"));

        assertSucceeded(rebuilt, "20261124090000_first", "20261124100000_second", "20261124110000_third");
    }

    /** An app with the given scripts (class name, id, class name, id...), compiled once. */
    private SampleApp compiled(String[] flags, String... classesAndIds) throws Exception {
        SampleApp app = new SampleApp(root);
        app.writePom();
        for (int i = 0; i < classesAndIds.length; i += 2) {
            app.script(classesAndIds[i], classesAndIds[i + 1], "ctx.log(\"" + classesAndIds[i] + "\");");
        }
        SampleApp.Result build = app.maven(with(flags, "compile"));
        assertEquals(0, build.exitCode(), build.output());
        return app;
    }

    private static void assertSucceeded(SampleApp.Result run, String... ids) {
        assertEquals(0, run.exitCode(), run.output());
        for (String id : ids) {
            assertTrue(run.output().contains("RESULT " + id + " SUCCEEDED"), run.output());
        }
    }

    @Test
    void packagedJar_holdsTheRegistryResourcesAndNoGeneratedClass() throws Exception {
        SampleApp app = new SampleApp(root);
        app.writePom();
        app.script("FirstFix", "20261124090000_first", "ctx.log(\"first\");");

        SampleApp.Result build = app.maven("package");

        assertEquals(0, build.exitCode(), build.output());
        List<String> entries = app.jarEntries();
        assertEquals(List.of("com/acme/Main.class", "com/acme/scripts/FirstFix.class"),
                entries.stream().filter(name -> name.endsWith(".class")).sorted().toList());
        assertTrue(entries.contains("META-INF/script-tracker/index.txt"), entries.toString());
        assertTrue(entries.stream().anyMatch(name -> name.matches("META-INF/script-tracker/com\\.acme\\.scripts\\."
                + "[0-9a-f]{8}\\.scripts")), entries.toString());
        assertTrue(entries.stream().noneMatch(name -> name.startsWith("META-INF/services/")), entries.toString());
    }

    @Test
    void renamingAndDeletingScriptsAndRebuilding_leavesNoStaleEntry() throws Exception {
        renameAndDeleteThenRun();
    }

    /** Maven then keeps the class files of the deleted sources in target/classes. */
    @Test
    void renamingAndDeletingScriptsAndRebuildingOnlyTheChangedSources_leavesNoStaleEntry() throws Exception {
        renameAndDeleteThenRun("-Dmaven.compiler.useIncrementalCompilation=false");
    }

    private void renameAndDeleteThenRun(String... flags) throws Exception {
        SampleApp app = compiled(flags, "FirstFix", "20261124090000_first", "SecondFix", "20261124100000_second",
                "ThirdFix", "20261124110000_third");
        app.deleteScript("SecondFix");
        app.script("SecondFixRenamed", "20261124100000_second", "ctx.log(\"second, renamed\");");
        app.deleteScript("ThirdFix");
        app.script("FirstFix", "20261124090000_first", "ctx.log(\"first, touched\");");

        SampleApp.Result rebuilt = app.maven(with(flags, "compile", "exec:java"));

        assertSucceeded(rebuilt, "20261124090000_first", "20261124100000_second");
        assertTrue(!rebuilt.output().contains("20261124110000_third"), rebuilt.output());
    }

    private static String[] with(String[] flags, String... goals) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(flags), java.util.Arrays.stream(goals))
                .toArray(String[]::new);
    }
}
