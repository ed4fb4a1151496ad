package dev.scripttracker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ParameterDeclarations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The processor keeps its own copy of the parameter rules (it runs without the runtime on its path): for each
 * declaration, the processor's verdict at compile time is the runtime's when it reads the same class.
 */
class ParameterRulesAgreementTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "String a", "int a", "Integer a", "long a", "Long a", "boolean a", "Boolean a", "BigDecimal a",
        "LocalDate a", "Instant a", "Duration a", "UUID a", "Path a", "Mode a", "List<Integer> a", "List<Mode> a",
        "List<Path> a", "Optional<UUID> a", "Optional<List<String>> a", "@Param(required = false) Integer a",
        "short a", "double a", "Float a", "Object a", "Date a", "Map<String, String> a", "List<List<String>> a",
        "Optional<Optional<String>> a", "char[] a", "Set<String> a",
        "@Param(defaultValue = \"12\") int a", "@Param(defaultValue = \"twelve\") int a",
        "@Param(defaultValue = \"2026-12-01\") LocalDate a", "@Param(defaultValue = \"1.12.2026\") LocalDate a",
        "@Param(defaultValue = \"PT5M\") Duration a", "@Param(defaultValue = \"5 minutes\") Duration a",
        "@Param(defaultValue = \"APPLY\") Mode a", "@Param(defaultValue = \"apply\") Mode a",
        "@Param(defaultValue = \"yes\") boolean a", "@Param(defaultValue = \"1,2\") List<Long> a",
        "@Param(defaultValue = \"1,x\") List<Long> a", "@Param(secret = true, defaultValue = \"s\") String a",
        "@Param(required = false) int a", "String a, @Param(name = \"a\") String b", "@Param(name = \"a b\") String a"})
    void theProcessorAndTheRuntimeAgree(String components) {
        JavaFileObject source = Compilations.script("Refund",
                "import java.util.*; import java.time.*; import java.math.*; import java.nio.file.*;\n"
                        + "@TrackedScript(id = \"001_refund\", parameters = Refund.Params.class)",
                "public class Refund implements Script {",
                "    public enum Mode { PREVIEW, APPLY }",
                "    public record Params(" + components + ") {}",
                "    @Override public void run(ScriptContext ctx) {}",
                "}");

        boolean processorAccepts = Compilations.compile(source).status() == Compilation.Status.SUCCESS;
        Compilation plain = Compiler.javac().withOptions("-proc:none").compile(source);
        assertEquals(Compilation.Status.SUCCESS, plain.status(), plain.diagnostics().toString());

        assertEquals(processorAccepts, runtimeAccepts(plain), "processor accepts: " + processorAccepts);
    }

    private static boolean runtimeAccepts(Compilation compiled) {
        try {
            ParameterDeclarations.of(new CompiledClasses(compiled).loadClass("com.acme.Refund"));
            return true;
        } catch (ConfigurationException refused) {
            return false;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The class files of one compilation, loaded next to the runtime's classes. */
    private static final class CompiledClasses extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        CompiledClasses(Compilation compilation) {
            super(ParameterRulesAgreementTest.class.getClassLoader());
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() == JavaFileObject.Kind.CLASS) {
                    String path = file.toUri().getPath();
                    String name = path.substring(path.indexOf("/com/acme/") + 1, path.length() - ".class".length())
                            .replace('/', '.');
                    try (InputStream in = file.openInputStream()) {
                        classes.put(name, in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
