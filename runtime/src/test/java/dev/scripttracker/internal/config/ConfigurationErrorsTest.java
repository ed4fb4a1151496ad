package dev.scripttracker.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad value names the setting as written, the value (never a password), its source, and the fix. */
class ConfigurationErrorsTest {

    private static final String PASSWORD = "Hunter2-very-secret";

    @TempDir
    Path workingDirectory;

    private final Map<String, String> flags = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final Properties systemProperties = new Properties();

    /** Resolves and applies to a fresh builder; returns the error's message. */
    private String errorOf() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> ConfigurationApplier.apply(
                ConfigurationSources.withDefaultFile(flags, environment, systemProperties, workingDirectory).resolve(),
                ScriptTracker.builder()));
        assertFalse(error.getMessage().contains(PASSWORD), error.getMessage());
        return error.getMessage();
    }

    private static void assertNames(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' missing from: " + message);
        }
    }

    @Test
    void aLockWaitThatIsNotADuration() {
        environment.put("SCRIPT_TRACKER_LOCK_WAIT", "abc");
        assertEquals("SCRIPT_TRACKER_LOCK_WAIT=abc (environment variable) is not a duration; write ISO-8601 like"
                + " PT30S or PT1M30S, or a whole number and a unit like 30s, 500ms, 2m, 1h", errorOf());
    }

    @Test
    void aLeaseThatIsNotADuration() {
        systemProperties.setProperty("scripttracker.lease", "30 seconds");
        assertNames(errorOf(), "scripttracker.lease=30 seconds", "(system property)", "is not a duration", "PT30S");
    }

    @Test
    void aMaxOutputCharsThatIsNotANumberInTheFile() throws IOException {
        Path file = Files.writeString(workingDirectory.resolve("script-tracker.properties"), "max-output-chars=64k\n");
        assertNames(errorOf(), "max-output-chars=64k", "(properties file " + file.toAbsolutePath().normalize() + ")",
                "is not a whole number", "write digits only");
    }

    @Test
    void aMaxConsecutiveFailuresThatIsNotANumber() {
        flags.put("--max-consecutive-failures", "three");
        assertNames(errorOf(), "--max-consecutive-failures=three", "(flag)", "is not a whole number",
                "like --max-consecutive-failures=100");
    }

    @Test
    void aContinueAfterFailureThatIsNotABoolean() {
        environment.put("SCRIPT_TRACKER_CONTINUE_AFTER_FAILURE", "yes");
        assertNames(errorOf(), "SCRIPT_TRACKER_CONTINUE_AFTER_FAILURE=yes", "(environment variable)",
                "is neither true nor false", "write true or false");
    }

    @Test
    void aValueTheBuilderRejectsIsReportedWithItsSource() {
        environment.put("SCRIPT_TRACKER_MAX_OUTPUT_CHARS", "5");
        assertNames(errorOf(), "SCRIPT_TRACKER_MAX_OUTPUT_CHARS=5 (environment variable) is not accepted",
                "use at least 100");
    }

    @Test
    void aLeaseTooShortOrNegativeIsReportedWithItsSource() {
        flags.put("lease", "10ms");
        assertNames(errorOf(), "--lease=10ms (flag) is not accepted", "use at least");
        flags.put("lease", "-PT5S");
        assertNames(errorOf(), "--lease=-PT5S (flag) is not accepted", "zero or positive");
    }

    @Test
    void aBadTablePrefixIsReportedWithItsSource() {
        systemProperties.setProperty("scripttracker.table-prefix", "drop table;");
        assertNames(errorOf(), "scripttracker.table-prefix=drop table; (system property) is not accepted",
                "not a plain SQL identifier", "use letters, digits and '_'");
    }

    @Test
    void aPasswordWithoutAUrlIsAnErrorThatDoesNotShowThePassword() {
        environment.put("SCRIPT_TRACKER_PASSWORD", PASSWORD);
        assertNames(errorOf(), "password is set (environment variable SCRIPT_TRACKER_PASSWORD) but no url is",
                "SCRIPT_TRACKER_URL=jdbc:", "or remove SCRIPT_TRACKER_PASSWORD");
    }

    @Test
    void aUserWithoutAUrlIsAnError() {
        flags.put("user", "app");
        assertNames(errorOf(), "user is set (flag --user) but no url is");
    }

    @Test
    void anOperatorLongerThanTheStoreKeepsIsReportedWithItsSource() {
        environment.put("SCRIPT_TRACKER_OPERATOR", "o".repeat(256));
        assertNames(errorOf(), "SCRIPT_TRACKER_OPERATOR=ooo", "(environment variable)", "256 characters long",
                "at most 255", "use a shorter name");
    }

    @Test
    void noMessageShowsAPasswordFromAnySource() throws IOException {
        flags.put("password", PASSWORD);
        environment.put("SCRIPT_TRACKER_PASSWORD", PASSWORD);
        systemProperties.setProperty("scripttracker.password", PASSWORD);
        flags.put("url", "jdbc:postgresql://app:" + PASSWORD + "@db/app?password=" + PASSWORD);
        for (Map.Entry<String, String> bad : Map.of("lock-wait", "soon", "lease", "1ms", "table-prefix", "a b",
                "max-output-chars", "x", "continue-after-failure", "maybe").entrySet()) {
            flags.put(bad.getKey(), bad.getValue());
            assertNames(errorOf(), "--" + bad.getKey() + "=" + bad.getValue());
            flags.remove(bad.getKey());
        }
        flags.put("--pasword", PASSWORD);
        assertNames(errorOf(), "unknown flag --pasword");
        flags.remove("--pasword");
        Files.writeString(workingDirectory.resolve("script-tracker.properties"), "passwd=" + PASSWORD + "\n");
        assertNames(errorOf(), "unknown key 'passwd'");
    }

    @Test
    void describingAValueNeverShowsAPassword() {
        ConfiguredValue password = ConfiguredValue.environment(ConfigKey.PASSWORD, PASSWORD);
        ConfiguredValue url = ConfiguredValue.flag(ConfigKey.URL, "jdbc:mysql://app:" + PASSWORD + "@db/app");
        for (String shown : List.of(password.describe(), password.toString(), url.describe(), url.toString())) {
            assertFalse(shown.contains(PASSWORD), shown);
        }
        assertEquals("SCRIPT_TRACKER_PASSWORD=*** (environment variable)", password.describe());
        assertEquals("--url=jdbc:mysql://app:***@db/app (flag)", url.describe());
    }
}
