package dev.scripttracker.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scripttracker.processor.Compilations.compile;
import static dev.scripttracker.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Valid scripts compile without warnings into a registry that matches the golden file. */
class GeneratedRegistryTest {

    static final JavaFileObject FIX_USERS = source("com.acme.FixUsers",
            "package com.acme;",
            "import dev.scripttracker.*;",
            "@TrackedScript(id = \"20261124153000_fix_users\",",
            "        description = \"Backfill \\\"dark\\\" theme\\nfor legacy users\",",
            "        timeout = \"PT1H30M\",",
            "        after = \"20261101090000_create_column\")",
            "public class FixUsers implements Script {",
            "    public void run(ScriptContext ctx) {}",
            "    public void rollback(ScriptContext ctx) {}",
            "}");
    static final JavaFileObject CREATE_COLUMN = source("com.acme.CreateColumn",
            "package com.acme;",
            "import dev.scripttracker.*;",
            "@TrackedScript(id = \"20261101090000_create_column\", timeout = \"PT0.5S\", transaction = Transaction.NONE)",
            "public class CreateColumn {",
            "    public static void main(String[] args) {}",
            "}");
    static final JavaFileObject CLEANUP = source("com.acme.jobs.Cleanup",
            "package com.acme.jobs;",
            "import dev.scripttracker.TrackedScript;",
            "@TrackedScript(id = \"20261125000000_cleanup\", timeout = \"PT0S\")",
            "public class Cleanup implements Runnable {",
            "    public void run() {}",
            "}");

    static String golden(String name) throws IOException {
        try (InputStream in = GeneratedRegistryTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void validScripts_compileWithoutWarningsIntoTheGoldenRegistry() throws IOException {
        Compilation compilation = compile(FIX_USERS, CREATE_COLUMN, CLEANUP);

        assertThat(compilation).succeededWithoutWarnings();
        String registry = RegistryNames.forFirstScript("com.acme.CreateColumn", "com.acme");
        assertThat(compilation).generatedSourceFile(registry).contentsAsUtf8String()
                .isEqualTo(golden("TrackedScriptRegistry.java.txt").replace("$NAME$",
                        registry.substring(registry.lastIndexOf('.') + 1)));
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "com.acme",
                        registry.substring(registry.lastIndexOf('.') + 1) + ".scripts")
                .contentsAsUtf8String().isEqualTo(golden("TrackedScriptRegistry.scripts.txt"));
    }

    @Test
    void serviceEntry_namesTheRegistry() {
        Compilation compilation = compile(FIX_USERS, CREATE_COLUMN, CLEANUP);

        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, BuildOutputs.SERVICES)
                .contentsAsUtf8String().isEqualTo(RegistryNames.forFirstScript("com.acme.CreateColumn", "com.acme") + "\n");
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, BuildOutputs.SCRIPT_LIST)
                .contentsAsUtf8String().isEqualTo("com.acme.CreateColumn\ncom.acme.FixUsers\ncom.acme.jobs.Cleanup\n");
    }

    @Test
    void twoModulesWithScriptsInOnePackage_getDifferentRegistryNames() {
        assertEquals(false, RegistryNames.forFirstScript("com.acme.FixA", "com.acme").equals(RegistryNames.forFirstScript("com.acme.FixB", "com.acme")));
        assertEquals(RegistryNames.forFirstScript("com.acme.FixA", "com.acme"), RegistryNames.forFirstScript("com.acme.FixA", "com.acme"));
    }
}
