package dev.scripttracker.internal.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.Transaction;
import dev.scripttracker.testing.CompiledClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checksum stays with a rebuild of the same code and changes with the code, nested classes included. */
class CodeChecksumsTest {

    static final String FIX = "checksumdemo/Fix.java";
    static final String SOURCE = """
            package checksumdemo;

            import java.util.List;
            import java.util.function.Function;

            public class Fix {
                static final int LIMIT = 500;

                public String run(List<String> names) {
                    Function<String, String> shout = name -> name.toUpperCase();
                    return new Helper().join(names.stream().map(shout).toList());
                }

                static class Helper {
                    String join(List<String> parts) {
                        return String.join(",", parts) + LIMIT;
                    }
                }
            }
            """;

    @Test
    void rebuildWithOrWithoutDebugInformation_andOtherLineLayout_keepsTheChecksum() {
        String relaidOut = SOURCE.replace("public class Fix {", "// a comment\n\n\npublic class Fix\n{")
                .replace("int LIMIT", "int\n        LIMIT");

        String withDebug = checksum(CompiledClasses.compile(Map.of(FIX, SOURCE), "-g"));
        String withoutDebug = checksum(CompiledClasses.compile(Map.of(FIX, SOURCE), "-g:none"));
        String otherLines = checksum(CompiledClasses.compile(Map.of(FIX, relaidOut), "-g"));

        assertEquals(withDebug, withoutDebug);
        assertEquals(withDebug, otherLines);
        assertTrue(withDebug.matches("[0-9a-f]{64}"), withDebug);
    }

    @Test
    void changedConstant_changesTheChecksum() {
        assertNotEquals(checksum(CompiledClasses.compile(Map.of(FIX, SOURCE))),
                checksum(CompiledClasses.compile(Map.of(FIX, SOURCE.replace("LIMIT = 500", "LIMIT = 501")))));
    }

    @Test
    void changedLambdaBody_changesTheChecksum() {
        assertNotEquals(checksum(CompiledClasses.compile(Map.of(FIX, SOURCE))), checksum(CompiledClasses.compile(
                Map.of(FIX, SOURCE.replace("name.toUpperCase()", "name.toLowerCase()")))));
    }

    @Test
    void changedNestedClass_changesTheChecksumOfItsOuterScript() {
        assertNotEquals(checksum(CompiledClasses.compile(Map.of(FIX, SOURCE))), checksum(CompiledClasses.compile(
                Map.of(FIX, SOURCE.replace("String.join(\",\", parts)", "String.join(\";\", parts)")))));
    }

    @Test
    void changedAnonymousClassOfANestedScript_changesItsChecksum() {
        String nested = """
                package checksumdemo;

                public class Scripts {
                    public static class Fix {
                        public Runnable body() {
                            return new Runnable() {
                                public void run() {
                                    System.out.println("one");
                                }
                            };
                        }
                    }
                }
                """;
        String file = "checksumdemo/Scripts.java";

        CompiledClasses before = CompiledClasses.compile(Map.of(file, nested));
        CompiledClasses after = CompiledClasses.compile(Map.of(file, nested.replace("\"one\"", "\"two\"")));

        assertNotEquals(checksum(before, "checksumdemo.Scripts$Fix"), checksum(after, "checksumdemo.Scripts$Fix"));
    }

    @Test
    void missingOrUnreadableClassFile_givesNoChecksum() throws IOException {
        CompiledClasses compiled = CompiledClasses.compile(Map.of(FIX, SOURCE));
        Files.write(compiled.directory().resolve("checksumdemo/Fix$Helper.class"), new byte[] {1, 2, 3});

        assertEquals(Optional.empty(), new CodeChecksums(compiled.loader()).of(script("checksumdemo.Missing")));
        assertEquals(Optional.empty(), new CodeChecksums(compiled.loader()).of(script("checksumdemo.Fix")));
    }

    private static String checksum(CompiledClasses compiled) {
        return checksum(compiled, "checksumdemo.Fix");
    }

    private static String checksum(CompiledClasses compiled, String className) {
        return new CodeChecksums(compiled.loader()).of(script(className)).orElseThrow();
    }

    private static ScriptDefinition script(String className) {
        return new ScriptDefinition("0001_fix", className, "", Duration.ZERO, Transaction.SCRIPT, List.of(),
                EntryPoint.SCRIPT);
    }
}
