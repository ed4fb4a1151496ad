package dev.scripttracker.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scripttracker.processor.Compilations.compile;
import static dev.scripttracker.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Valid scripts compile without warnings into registry resources that match the golden file, and nothing else. */
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

    /** Named after the first script class, com.acme.CreateColumn. */
    static final String DATA_FILE = RegistryNames.forFirstScript("com.acme.CreateColumn", "com.acme");

    static String golden(String name) throws IOException {
        try (InputStream in = GeneratedRegistryTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void validScripts_compileWithoutWarningsIntoTheGoldenRegistryResource() throws IOException {
        Compilation compilation = compile(FIX_USERS, CREATE_COLUMN, CLEANUP);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, BuildOutputs.DIRECTORY + DATA_FILE)
                .contentsAsUtf8String().isEqualTo(golden("registry.scripts.txt"));
    }

    @Test
    void index_namesTheDataFile() {
        Compilation compilation = compile(FIX_USERS, CREATE_COLUMN, CLEANUP);

        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, BuildOutputs.INDEX)
                .contentsAsUtf8String().isEqualTo(DATA_FILE + "\n");
    }

    @Test
    void scriptList_namesEveryScriptClassForTheAgent() {
        Compilation compilation = compile(FIX_USERS, CREATE_COLUMN, CLEANUP);

        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, BuildOutputs.SCRIPT_LIST)
                .contentsAsUtf8String().isEqualTo("com.acme.CreateColumn\ncom.acme.FixUsers\ncom.acme.jobs.Cleanup\n");
    }

    @Test
    void noSourceOrClassIsGenerated() {
        Compilation compilation = compile(FIX_USERS, CREATE_COLUMN, CLEANUP);

        assertEquals(List.of(), compilation.generatedSourceFiles());
        assertEquals(List.of("com/acme/CreateColumn.class", "com/acme/FixUsers.class", "com/acme/jobs/Cleanup.class"),
                compilation.generatedFiles().stream().map(file -> file.toUri().getPath())
                        .filter(path -> path.endsWith(".class"))
                        .map(path -> path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()))
                        .sorted().toList());
    }

    @Test
    void twoModulesWithScriptsInOnePackage_getDifferentDataFileNames() {
        assertTrue(DATA_FILE.matches("com\\.acme\\.[0-9a-f]{8}\\.scripts"), DATA_FILE);
        assertNotEquals(RegistryNames.forFirstScript("com.acme.FixA", "com.acme"),
                RegistryNames.forFirstScript("com.acme.FixB", "com.acme"));
        assertEquals(RegistryNames.forFirstScript("com.acme.FixA", "com.acme"),
                RegistryNames.forFirstScript("com.acme.FixA", "com.acme"));
    }
}
