package dev.scripttracker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ScriptTracker;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Scripts compiled without the processor (as with Maven 3.8's default compiler plugin) are not silently ignored. */
class ScriptsWithoutRegistryTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(DatabaseKind.H2);
    @TempDir
    Path dir;

    /** Compiles {@code source} with {@code -proc:none} into a directory, and loads nothing else from the tests. */
    private ClassLoader compiledWithoutProcessor(String className, String source) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path file = Files.writeString(sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java"),
                source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-proc:none", "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), file.toString()));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private ScriptTracker trackerOver(ClassLoader loader) {
        return ScriptTracker.builder().classLoader(loader).jdbcUrl(db.get().url()).build();
    }

    @Test
    void annotatedClassWithoutRegistry_isAStartUpWarningNamingTheClassAndTheFix() throws IOException {
        ClassLoader loader = compiledWithoutProcessor("com.acme.FixUsers", "package com.acme;\n"
                + "@dev.scripttracker.TrackedScript(id = \"001_fix_users\")\n"
                + "public class FixUsers implements Runnable { public void run() {} }\n");

        try (ScriptTracker tracker = trackerOver(loader)) {
            assertEquals(1, tracker.warnings().size(), tracker.warnings().toString());
            String warning = tracker.warnings().get(0);
            assertTrue(warning.startsWith("no script-tracker registry is on the class path, yet com.acme.FixUsers (in "
                    + dir.resolve("classes")), warning);
            assertTrue(warning.contains("annotationProcessorPaths with the plugin at version 3.5 or later"), warning);
            assertTrue(tracker.runPending().results().isEmpty());
        }
    }

    @Test
    void classesWithoutTheAnnotation_giveNoWarning() throws IOException {
        ClassLoader loader = compiledWithoutProcessor("com.acme.Plain", "package com.acme;\n"
                + "public class Plain { dev.scripttracker.Transaction mode; }\n");

        try (ScriptTracker tracker = trackerOver(loader)) {
            assertEquals(List.of(), tracker.warnings());
        }
    }
}
