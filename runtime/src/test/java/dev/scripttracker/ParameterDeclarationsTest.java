package dev.scripttracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Declarations read by reflection: what doors list, and broken declarations refused at start of a run (the
 * broken ones need no entry point: only their annotation is read).
 */
class ParameterDeclarationsTest {

    @TrackedScript(id = "0401_declares", parameters = Declares.Params.class)
    public static class Declares implements Script {
        public record Params(@Param(description = "whose rows") String tenant,
                @Param(defaultValue = "100", identifying = false) int limit,
                @Param(secret = true, env = "NO_SUCH_VARIABLE_FOR_TESTS") String token,
                Optional<LocalDate> from) {
        }

        @Override
        public void run(ScriptContext ctx) {
        }
    }

    @TrackedScript(id = "0402_unknown_type", parameters = UnknownType.Params.class)
    public static class UnknownType {
        public record Params(Object anything) {
        }
    }

    @TrackedScript(id = "0403_duplicate", parameters = Duplicate.Params.class)
    public static class Duplicate {
        public record Params(String tenant, @Param(name = "tenant") String other) {
        }
    }

    @TrackedScript(id = "0404_bad_default", parameters = BadDefault.Params.class)
    public static class BadDefault {
        public record Params(@Param(defaultValue = "ten") int limit) {
        }
    }

    @TrackedScript(id = "0405_secret_default", parameters = SecretDefault.Params.class)
    public static class SecretDefault {
        public record Params(@Param(secret = true, defaultValue = "hunter2") String token) {
        }
    }

    @TrackedScript(id = "0406_optional_primitive", parameters = OptionalPrimitive.Params.class)
    public static class OptionalPrimitive {
        public record Params(@Param(required = false) int limit) {
        }
    }

    @TrackedScript(id = "0407_reserved_name", parameters = ReservedName.Params.class)
    public static class ReservedName {
        public record Params(@Param(name = "@non-identifying") String sneaky) {
        }
    }

    @Test
    void declarations_listNameTypeRequiredDefaultSecretEnvIdentifyingAndDescription() {
        ParameterDeclarations declared = ParameterDeclarations.of(Declares.class);

        assertTrue(declared.declared());
        assertEquals(List.of(
                new ParameterDeclaration("tenant", "String", "a text", true, Optional.empty(), false, Optional.empty(),
                        true, "whose rows"),
                new ParameterDeclaration("limit", "int", "an int (whole number)", false, Optional.of("100"), false,
                        Optional.empty(), false, ""),
                new ParameterDeclaration("token", "String", "a text", true, Optional.empty(), true,
                        Optional.of("NO_SUCH_VARIABLE_FOR_TESTS"), true, ""),
                new ParameterDeclaration("from", "Optional<LocalDate>", "a date (yyyy-MM-dd, e.g. 2026-12-01)", false,
                        Optional.empty(), false, Optional.empty(), true, "")), declared.list());
    }

    @Test
    void check_reportsEveryProblem_andNoneForFittingValues() {
        ParameterDeclarations declared = ParameterDeclarations.of(Declares.class);

        List<ParameterProblem> problems = declared.check(Map.of("limit", "x", "color", "red"));

        assertEquals(List.of(ParameterProblem.Kind.UNKNOWN, ParameterProblem.Kind.MISSING,
                ParameterProblem.Kind.BAD_VALUE, ParameterProblem.Kind.MISSING),
                problems.stream().map(ParameterProblem::kind).toList());
        assertTrue(problems.get(3).message().contains("or set the environment variable NO_SUCH_VARIABLE_FOR_TESTS"),
                problems.get(3).message());
        assertEquals(List.of(), declared.check(Map.of("tenant", "acme", "token", "t")));
    }

    @Test
    void scriptWithoutARecord_declaresNothing_andAcceptsAnyName() {
        ParameterDeclarations declared = ParameterDeclarations.of(ContainerSeamsTest.class);

        assertFalse(declared.declared());
        assertEquals(List.of(), declared.check(Map.of("anything", "goes")));
    }

    @Test
    void brokenDeclarations_areRefused_namingTheRecordTheParameterAndTheFix() {
        assertRefused(UnknownType.class, "component anything has type java.lang.Object, which a parameter cannot"
                + " have; use String, int, long, boolean");
        assertRefused(Duplicate.class, "declares the parameter name 'tenant' twice");
        assertRefused(BadDefault.class, "the default \"ten\" of parameter 'limit' is not an int (whole number)");
        assertRefused(SecretDefault.class, "parameter 'token' is secret and has a default");
        assertRefused(OptionalPrimitive.class, "parameter 'limit' is optional but of primitive type int");
        assertRefused(ReservedName.class, "names a parameter '@non-identifying'; a name is letters, digits");
    }

    private static void assertRefused(Class<?> script, String expected) {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> ParameterDeclarations.of(script));
        assertTrue(refused.getMessage().contains("the parameters record " + script.getName() + "$Params of script "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
