package dev.scripttracker.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scripttracker.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.registry.ScriptCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry resources are what the runtime finds on the class path. */
class RegistryAtRunTimeTest {

    @TempDir
    Path dir;

    @Test
    void runtime_findsEveryScriptThroughTheRegistryResources() throws Exception {
        Compilation compilation = Compilations.compile(GeneratedRegistryTest.FIX_USERS, GeneratedRegistryTest.CREATE_COLUMN,
                GeneratedRegistryTest.CLEANUP);

        ScriptCatalog catalog = ScriptCatalog.load(GeneratedOutputs.loaderOf(compilation, dir), List.of());

        assertEquals(List.of("20261101090000_create_column", "20261124153000_fix_users", "20261125000000_cleanup"),
                catalog.runOrder().stream().map(ScriptDefinition::id).toList());
        ScriptDefinition fixUsers = catalog.require("20261124153000_fix_users");
        assertEquals(Duration.ofMinutes(90), fixUsers.timeout());
        assertEquals("Backfill \"dark\" theme\nfor legacy users", fixUsers.description());
        assertEquals(EntryPoint.MAIN, catalog.require("20261101090000_create_column").entryPoint());
        assertEquals(Duration.ofMillis(500), catalog.require("20261101090000_create_column").timeout());
    }

    @Test
    void nestedScriptClass_isRegisteredByItsBinaryNameInItsPackage() throws Exception {
        JavaFileObject outer = source("com.acme.Maintenance", "package com.acme;",
                "import dev.scripttracker.*;",
                "public class Maintenance {",
                "    @TrackedScript(id = \"001_nested\")",
                "    public static class FixNested implements Runnable { public void run() {} }",
                "}");

        Compilation compilation = Compilations.compile(outer);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, BuildOutputs.DIRECTORY
                + RegistryNames.forFirstScript("com.acme.Maintenance$FixNested", "com.acme"));
        ClassLoader loader = GeneratedOutputs.loaderOf(compilation, dir);
        ScriptDefinition nested = ScriptCatalog.load(loader, List.of()).require("001_nested");
        assertEquals("com.acme.Maintenance$FixNested", nested.className());
        assertEquals("FixNested", Class.forName(nested.className(), false, loader).getSimpleName());
    }

    @Test
    void registryOfThousandsOfScripts_compilesAndLoads() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            sources.add(source("com.acme.many.Fix" + i, "package com.acme.many;",
                    "@dev.scripttracker.TrackedScript(id = \"" + (20260000000000L + i) + "_fix_" + i + "\","
                            + " description = \"fixes batch " + i + " of the legacy accounts\")",
                    "public class Fix" + i + " implements Runnable { public void run() {} }"));
        }

        Compilation compilation = Compilations.compile(sources.toArray(JavaFileObject[]::new));

        assertThat(compilation).succeededWithoutWarnings();
        ScriptCatalog catalog = ScriptCatalog.load(GeneratedOutputs.loaderOf(compilation, dir), List.of());
        assertEquals(1_200, catalog.runOrder().size());
    }

    @Test
    void scriptExtendingATypeThatAnotherProcessorGenerates_isRegisteredInALaterRound() throws Exception {
        JavaFileObject marker = source("com.acme.Marker", "package com.acme;", "@GenerateBase", "class Marker {}");
        JavaFileObject annotation = source("com.acme.GenerateBase", "package com.acme;",
                "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.SOURCE)",
                "@interface GenerateBase {}");
        JavaFileObject script = source("com.acme.FixFromGeneratedBase", "package com.acme;",
                "import dev.scripttracker.*;",
                "@TrackedScript(id = \"20261124_generated_base\")",
                "public class FixFromGeneratedBase extends GeneratedBase {",
                "    public void run(ScriptContext ctx) {}",
                "}");

        Compilation compilation = Compiler.javac()
                .withProcessors(new BaseGeneratingProcessor(), new TrackedScriptProcessor())
                .compile(marker, annotation, script);

        assertThat(compilation).succeededWithoutWarnings();
        ScriptCatalog catalog = ScriptCatalog.load(GeneratedOutputs.loaderOf(compilation, dir), List.of());
        assertEquals(EntryPoint.SCRIPT, catalog.require("20261124_generated_base").entryPoint());
    }
}
