package dev.scripttracker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.registry.ScriptCatalog;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build tool that recompiles only the changed sources (Maven with useIncrementalCompilation=false,
 * an IDE) hands the processor a part of the scripts; the registry must still list all of them, and
 * none that was deleted or renamed.
 */
class IncrementalBuildTest {

    @TempDir
    Path dir;

    @BeforeEach
    void directories() throws IOException {
        Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("generated"));
        Files.createDirectories(dir.resolve("src"));
    }

    private String compile(String... sourceNames) throws IOException {
        return compile(List.of(), sourceNames);
    }

    /** As Maven compiles: with the module's sources as the source path. */
    private String compileAsMaven(String... sourceNames) throws IOException {
        return compile(true, sourceNames);
    }

    private String compile(boolean asMaven, String... sourceNames) throws IOException {
        return compile(asMaven ? List.of("-sourcepath", dir.resolve("src").toString()) : List.of(), sourceNames);
    }

    private String compile(List<String> extraOptions, String... sourceNames) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<File> files = new ArrayList<>();
        for (String name : sourceNames) {
            files.add(dir.resolve("src").resolve(name + ".java").toFile());
        }
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            String classPath = dir.resolve("classes") + File.pathSeparator + System.getProperty("java.class.path");
            // Named, not discovered: javac 23 and later no longer run processors found on the class path.
            List<String> options = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-s",
                    dir.resolve("generated").toString(), "-classpath", classPath,
                    "-processor", TrackedScriptProcessor.class.getName()));
            options.addAll(extraOptions);
            boolean ok = javac.getTask(log, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
            assertTrue(ok, log.toString());
        }
        return log.toString();
    }

    private void write(String name, String id, String description) throws IOException {
        Path file = dir.resolve("src").resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "import dev.scripttracker.*;\n@TrackedScript(id = \"" + id + "\", description = \""
                + description + "\")\npublic class " + name + " implements Runnable { public void run() {} }\n");
    }

    /** A first build of the script {@code first} and the script FixOrders, 002_fix_orders. */
    private void compileTwoScripts(boolean asMaven, String first, String firstId) throws IOException {
        write(first, firstId, "x");
        write("FixOrders", "002_fix_orders", "x");
        compile(asMaven, first, "FixOrders");
    }

    private void delete(String name, boolean classFileToo) throws IOException {
        Files.delete(dir.resolve("src").resolve(name + ".java"));
        if (classFileToo) {
            Files.delete(dir.resolve("classes").resolve(name + ".class"));
        }
    }

    private void writePlainClass(String name) throws IOException {
        Files.writeString(dir.resolve("src").resolve(name + ".java"), "public class " + name + " {}\n");
    }

    private List<String> ids() throws IOException {
        return catalog().runOrder().stream().map(ScriptDefinition::id).toList();
    }

    private ScriptCatalog catalog() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            return ScriptCatalog.load(loader, List.of());
        }
    }

    @Test
    void recompilingOneScript_keepsTheOthersInTheRegistry() throws IOException {
        write("FixAccounts", "001_fix_accounts", "first version");
        write("FixOrders", "002_fix_orders", "unchanged");
        compile("FixAccounts", "FixOrders");
        write("FixAccounts", "001_fix_accounts", "second version");

        String log = compile("FixAccounts");

        assertEquals("", log.strip(), "no warning on a partial build");
        ScriptCatalog catalog = catalog();
        assertEquals(List.of("001_fix_accounts", "002_fix_orders"),
                catalog.runOrder().stream().map(ScriptDefinition::id).toList());
        assertEquals("second version", catalog.require("001_fix_accounts").description());
    }

    @Test
    void recompilingAScriptWithANewId_replacesTheOldId() throws IOException {
        write("FixAccounts", "001_fix_accounts", "x");
        write("FixOrders", "002_fix_orders", "x");
        compile("FixAccounts", "FixOrders");
        write("FixOrders", "003_fix_orders_again", "x");

        compile("FixOrders");

        assertEquals(List.of("001_fix_accounts", "003_fix_orders_again"),
                catalog().runOrder().stream().map(ScriptDefinition::id).toList());
    }

    /**
     * Gradle and IDEs delete the class file of a deleted source; Maven, recompiling only the changed
     * sources, keeps it, but gives javac the source path.
     */
    @ParameterizedTest(name = "as Maven: {0}")
    @ValueSource(booleans = {false, true})
    void deletingAScript_dropsItFromTheRegistry(boolean asMaven) throws IOException {
        compileTwoScripts(asMaven, "FixAccounts", "001_fix_accounts");
        delete("FixOrders", !asMaven);
        write("FixAccounts", "001_fix_accounts", "changed");

        compile(asMaven, "FixAccounts");

        assertEquals(List.of("001_fix_accounts"), ids());
    }

    @Test
    void renamingAScriptClassKeepingItsId_leavesNoStaleEntry() throws IOException {
        compileTwoScripts(true, "FixAccounts", "001_fix_accounts");
        delete("FixOrders", false);
        write("FixOrdersAgain", "002_fix_orders", "renamed");

        String log = compileAsMaven("FixOrdersAgain");

        assertEquals("", log.strip(), "no duplicate id with the old class");
        assertEquals(List.of("001_fix_accounts", "002_fix_orders"), ids());
        assertEquals("FixOrdersAgain", catalog().require("002_fix_orders").className());
    }

    @Test
    void deletingEveryScript_leavesNoneRegistered() throws IOException {
        write("FixAccounts", "001_fix_accounts", "x");
        compileAsMaven("FixAccounts");
        delete("FixAccounts", false);
        writePlainClass("Helper");

        compileAsMaven("Helper");

        assertEquals(List.of(), ids());
    }

    @Test
    void deletingTheScriptTheDataFileIsNamedAfter_keepsOneDataFile() throws IOException {
        compileTwoScripts(false, "AFirstFix", "001_first");
        delete("AFirstFix", true);
        write("FixOrders", "002_fix_orders", "changed");

        compile("FixOrders");

        try (var files = Files.list(dir.resolve("classes").resolve("META-INF/script-tracker"))) {
            assertEquals(1, files.filter(file -> file.toString().endsWith(".scripts")).count());
        }
        assertEquals(List.of("002_fix_orders"), ids());
    }
}
