package dev.scripttracker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.internal.registry.AnnotatedScripts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class AnnotatedScriptsTest {

    @TrackedScript(id = "001_main", timeout = "PT0S", after = "000_first")
    public static class WithMain {
        public static void main(String[] args) {
        }
    }

    @TrackedScript(id = "002_callable")
    public static class WithCallable implements Callable<Integer> {
        @Override
        public Integer call() {
            return 1;
        }
    }

    /** Stands in for Spring Boot's interface, which is matched by name. */
    public interface CommandLineRunner {
        void run(String... args);
    }

    @TrackedScript(id = "003_two_entry_points")
    public static class TwoEntryPoints implements Script, Runnable {
        @Override
        public void run(ScriptContext ctx) {
        }

        @Override
        public void run() {
        }
    }

    @TrackedScript(id = "004_none")
    public static class NoEntryPoint {
    }

    @TrackedScript(id = "005_bad_timeout", timeout = "5 minutes")
    public static class BadTimeout implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void definition_carriesEverythingFromTheAnnotation() {
        ScriptDefinition definition = AnnotatedScripts.definitionOf(WithMain.class);

        assertEquals("001_main", definition.id());
        assertEquals(WithMain.class.getName(), definition.className());
        assertEquals(Duration.ZERO, definition.timeout());
        assertEquals(List.of("000_first"), definition.after());
        assertEquals(EntryPoint.MAIN, definition.entryPoint());
        assertEquals(Duration.ofMinutes(5), AnnotatedScripts.definitionOf(WithCallable.class).timeout());
        assertEquals(EntryPoint.CALLABLE, AnnotatedScripts.definitionOf(WithCallable.class).entryPoint());
    }

    @Test
    void twoEntryPoints_isAnErrorNamingThem() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AnnotatedScripts.definitionOf(TwoEntryPoints.class));

        assertTrue(e.getMessage().contains("has 2 entry points [SCRIPT, RUNNABLE]"), e.getMessage());
    }

    @Test
    void noEntryPoint_isAnErrorSayingWhatToAdd() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AnnotatedScripts.definitionOf(NoEntryPoint.class));

        assertTrue(e.getMessage().contains("has no entry points"), e.getMessage());
        assertTrue(e.getMessage().contains("implement dev.scripttracker.Script"), e.getMessage());
    }

    @Test
    void badTimeout_isAnErrorQuotingTheValueAndAnExample() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AnnotatedScripts.definitionOf(BadTimeout.class));

        assertTrue(e.getMessage().contains("timeout '5 minutes'"), e.getMessage());
        assertTrue(e.getMessage().contains("PT30M"), e.getMessage());
    }

    @Test
    void missingAnnotation_isAnErrorSayingHowToAnnotate() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AnnotatedScripts.definitionOf(String.class));

        assertTrue(e.getMessage().contains("java.lang.String is not annotated with @TrackedScript"), e.getMessage());
    }
}
