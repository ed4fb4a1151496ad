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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build tool that recompiles only the changed sources (Maven with useIncrementalCompilation=false,
 * an IDE) hands the processor a part of the scripts; the registry must still list all of them.
 */
class IncrementalBuildTest {

    @TempDir
    Path dir;

    private String compile(String... sourceNames) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<File> files = new ArrayList<>();
        for (String name : sourceNames) {
            files.add(dir.resolve("src").resolve(name + ".java").toFile());
        }
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            String classPath = dir.resolve("classes") + File.pathSeparator + System.getProperty("java.class.path");
            // Named, not discovered: javac 23 and later no longer run processors found on the class path.
            boolean ok = javac.getTask(log, fileManager, null, List.of("-d", dir.resolve("classes").toString(), "-s",
                    dir.resolve("generated").toString(), "-classpath", classPath,
                    "-processor", TrackedScriptProcessor.class.getName()), null,
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

    private ScriptCatalog catalog() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            return ScriptCatalog.load(loader, List.of());
        }
    }

    @Test
    void recompilingOneScript_keepsTheOthersInTheRegistry() throws IOException {
        Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("generated"));
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
        Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(dir.resolve("generated"));
        write("FixAccounts", "001_fix_accounts", "x");
        write("FixOrders", "002_fix_orders", "x");
        compile("FixAccounts", "FixOrders");
        write("FixOrders", "003_fix_orders_again", "x");

        compile("FixOrders");

        assertEquals(List.of("001_fix_accounts", "003_fix_orders_again"),
                catalog().runOrder().stream().map(ScriptDefinition::id).toList());
    }
}
