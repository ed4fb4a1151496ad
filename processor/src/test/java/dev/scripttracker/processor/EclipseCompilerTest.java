package dev.scripttracker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eclipse runs processors through its own compiler (ECJ), which needs real files; its users must
 * see the errors on the same lines as javac users.
 */
class EclipseCompilerTest {

    @TempDir
    Path dir;

    record Located(String message, String file, String line) {
    }

    List<Located> compileWithEcj(String... classesAndSources) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < classesAndSources.length; i += 2) {
            Path file = dir.resolve("src").resolve(classesAndSources[i].replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, classesAndSources[i + 1]);
            files.add(file);
        }
        Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(dir.resolve("generated"));
        JavaCompiler ecj = new EclipseCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = ecj.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = ecj.getTask(new java.io.PrintWriter(new java.io.StringWriter()),
                    fileManager, diagnostics,
                    List.of("-17", "-d", dir.resolve("out").toString(), "-s", dir.resolve("generated").toString(), "-classpath", System.getProperty("java.class.path")),
                    null, fileManager.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new TrackedScriptProcessor()));
            task.call();
        }
        List<Located> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? null : Path.of(d.getSource().toUri()).getFileName().toString();
                String line = d.getSource() == null || d.getLineNumber() < 1 ? null
                        : Files.readAllLines(Path.of(d.getSource().toUri())).get((int) d.getLineNumber() - 1);
                errors.add(new Located(d.getMessage(Locale.ROOT), file, line));
            }
        }
        return errors;
    }

    static String script(String simpleName, String annotation) {
        return "package com.acme;\nimport dev.scripttracker.*;\n" + annotation + "\npublic class " + simpleName
                + " implements Script {\n    public void run(ScriptContext ctx) {}\n}\n";
    }

    @Test
    void duplicateId_isAnErrorOnBothClassesUnderEcj() throws IOException {
        List<Located> errors = compileWithEcj(
                "com.acme.FixInvoices", script("FixInvoices", "@TrackedScript(id = \"20261124_dup\")"),
                "com.acme.FixParcels", script("FixParcels", "@TrackedScript(id = \"20261124_dup\")"));

        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.contains(new Located("[TrackedScript.duplicateId] id \"20261124_dup\" of script"
                + " com.acme.FixInvoices is also used by com.acme.FixParcels; ids must be unique, because the database"
                + " records each script by its id: give one of them a new id (conventionally yyyyMMddHHmmss_what_it_does)",
                "FixInvoices.java", "@TrackedScript(id = \"20261124_dup\")")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("com.acme.FixParcels is also used by"
                + " com.acme.FixInvoices") && "FixParcels.java".equals(e.file())
                && e.line().contains("20261124_dup")), errors.toString());
    }

    @Test
    void badTimeout_isAnErrorOnTheValueUnderEcj() throws IOException {
        List<Located> errors = compileWithEcj("com.acme.Fix",
                script("Fix", "@TrackedScript(id = \"001_fix\",\n    timeout = \"soon\")"));

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().startsWith("[TrackedScript.badTimeout]"), errors.toString());
        assertEquals("    timeout = \"soon\")", errors.get(0).line());
    }

    @Test
    void descriptionTooLong_isAnErrorOnTheValueUnderEcj() throws IOException {
        List<Located> errors = compileWithEcj("com.acme.Fix",
                script("Fix", "@TrackedScript(id = \"001_fix\",\n    description = \"" + "d".repeat(1001) + "\")"));

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().startsWith("[TrackedScript.descriptionTooLong]"), errors.toString());
        assertTrue(errors.get(0).line().startsWith("    description = \"ddd"), errors.toString());
    }

    @Test
    void validScripts_compileUnderEcjIntoRegistryResources() throws IOException {
        List<Located> errors = compileWithEcj("com.acme.Fix", script("Fix", "@TrackedScript(id = \"001_fix\")"));

        assertEquals(List.of(), errors);
        String dataFile = RegistryNames.forFirstScript("com.acme.Fix", "com.acme");
        assertEquals(dataFile + "\n", Files.readString(dir.resolve("out").resolve(BuildOutputs.INDEX)));
        assertEquals(RegistryData.HEADER + "\n001_fix\tcom.acme.Fix\t\t300\t0\tSCRIPT\t\tSCRIPT\n",
                Files.readString(dir.resolve("out").resolve(BuildOutputs.DIRECTORY + dataFile)));
        assertEquals(0, dir.resolve("generated").toFile().list().length, "no generated source");
    }

    static String source(String declaration) {
        return "package com.acme;\nimport dev.scripttracker.*;\n" + declaration + "\n";
    }

    /** Every per-class rule, as under javac: the tag, and the line the error must point at. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            badId               | @TrackedScript(id = "fix users!") public class Fix implements Runnable { public void run() {} } | fix users!
            emptyId             | @TrackedScript(id = "") public class Fix implements Runnable { public void run() {} } | id = ""
            badTimeout          | @TrackedScript(id = "001_fix", timeout = "-PT5M") public class Fix implements Runnable { public void run() {} } | -PT5M
            unknownAfter        | @TrackedScript(id = "002_fix", after = "001_missing") public class Fix implements Runnable { public void run() {} } | 001_missing
            notAClass           | @TrackedScript(id = "001_fix") public interface Fix extends Script {} | @TrackedScript
            notPublic           | @TrackedScript(id = "001_fix") class Fix implements Runnable { public void run() {} } | @TrackedScript
            abstractClass       | @TrackedScript(id = "001_fix") public abstract class Fix implements Script {} | @TrackedScript
            noPublicConstructor | @TrackedScript(id = "001_fix") public class Fix implements Runnable { public Fix(int x) {} public void run() {} } | @TrackedScript
            noEntryPoint        | @TrackedScript(id = "001_fix") public class Fix {} | @TrackedScript
            severalEntryPoints  | @TrackedScript(id = "001_fix") public class Fix implements Runnable, java.util.concurrent.Callable<Integer> { public void run() {} public Integer call() { return 1; } } | @TrackedScript
            badRollback         | @TrackedScript(id = "001_fix") public class Fix implements Runnable { public void run() {} public static void rollback(String why) {} } | @TrackedScript
            """)
    void everyPerClassRule_isALocatedErrorUnderEcj(String rule, String declaration, String onLine) throws IOException {
        List<Located> errors = compileWithEcj("com.acme.Fix", source(declaration));

        assertTrue(errors.stream().anyMatch(e -> e.message().startsWith("[TrackedScript." + rule + "]")
                && "Fix.java".equals(e.file()) && e.line() != null && e.line().contains(onLine)), errors.toString());
    }

    @Test
    void innerClassAndCycles_areLocatedErrorsUnderEcj() throws IOException {
        List<Located> errors = compileWithEcj(
                "com.acme.Outer", source("public class Outer {\n    @TrackedScript(id = \"001_inner\")\n"
                        + "    public class Inner implements Runnable { public void run() {} }\n}"),
                "com.acme.A", source("@TrackedScript(id = \"002_a\", after = \"003_b\")\n"
                        + "public class A implements Runnable { public void run() {} }"),
                "com.acme.B", source("@TrackedScript(id = \"003_b\", after = \"002_a\")\n"
                        + "public class B implements Runnable { public void run() {} }"));

        assertTrue(errors.stream().anyMatch(e -> e.message().startsWith("[TrackedScript.innerClass]")
                && "Outer.java".equals(e.file()) && e.line().contains("001_inner")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.message().startsWith("[TrackedScript.afterCycle]")
                && "A.java".equals(e.file()) && e.line().contains("after")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.message().startsWith("[TrackedScript.afterCycle]")
                && "B.java".equals(e.file()) && e.line().contains("after")), errors.toString());
    }
}
