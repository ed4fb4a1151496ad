package dev.scripttracker.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigurationSourcesTest extends ConfigurationTestBase {

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    @Test
    void flagBeatsEnvironmentBeatsSystemPropertyBeatsFile() throws IOException {
        Path file = writeFile("lock-wait=PT1S\nlease=PT2S\nmax-output-chars=300\noperator=from-file\n");
        Properties systemProperties = new Properties();
        systemProperties.setProperty("scripttracker.lock-wait", "PT11S");
        systemProperties.setProperty("scripttracker.lease", "PT12S");
        systemProperties.setProperty("scripttracker.max-output-chars", "1300");
        Map<String, String> environment = Map.of("SCRIPT_TRACKER_LOCK_WAIT", "PT21S", "SCRIPT_TRACKER_LEASE", "PT22S");
        Map<String, String> flags = Map.of("lock-wait", "PT31S");

        Map<ConfigKey, ConfiguredValue> resolved = resolve(flags, environment, systemProperties);

        assertEquals("PT31S", resolved.get(ConfigKey.LOCK_WAIT).value());
        assertEquals("flag --lock-wait", resolved.get(ConfigKey.LOCK_WAIT).origin());
        assertEquals("PT22S", resolved.get(ConfigKey.LEASE).value());
        assertEquals("environment variable SCRIPT_TRACKER_LEASE", resolved.get(ConfigKey.LEASE).origin());
        assertEquals("1300", resolved.get(ConfigKey.MAX_OUTPUT_CHARS).value());
        assertEquals("system property scripttracker.max-output-chars",
                resolved.get(ConfigKey.MAX_OUTPUT_CHARS).origin());
        assertEquals("from-file", resolved.get(ConfigKey.OPERATOR).value());
        assertEquals("operator in properties file " + file.toAbsolutePath().normalize(),
                resolved.get(ConfigKey.OPERATOR).origin());
        assertEquals(4, resolved.size(), resolved.toString());
    }

    @Test
    void nothingSetResolvesToNothingAndAMissingDefaultFileIsFine() {
        assertTrue(resolve(Map.of(), Map.of(), new Properties()).isEmpty());
    }

    @Test
    void unrelatedEnvironmentAndPropertiesAreIgnored() {
        Map<String, String> environment = Map.of("PATH", "/bin", "SCRIPT_TRACKER_HOME", "/opt/st", "LOCK_WAIT", "x");
        assertTrue(resolve(Map.of(), environment, properties("scripttracker.home", "/opt/st")).isEmpty());
    }

    @Test
    void blankValuesCountAsNotSetSoTheNextSourceApplies() throws IOException {
        writeFile("table-prefix=from_file\n");
        Map<ConfigKey, ConfiguredValue> resolved = resolve(Map.of("table-prefix", " "),
                Map.of("SCRIPT_TRACKER_TABLE_PREFIX", ""), properties("scripttracker.table-prefix", "  "));
        assertEquals("from_file", resolved.get(ConfigKey.TABLE_PREFIX).value());
    }

    @Test
    void valuesAreTrimmedButPasswordsAreKeptAsWritten() {
        Map<ConfigKey, ConfiguredValue> resolved = resolve(Map.of(),
                Map.of("SCRIPT_TRACKER_OPERATOR", " ops@box ", "SCRIPT_TRACKER_PASSWORD", " pa ss "), new Properties());
        assertEquals("ops@box", resolved.get(ConfigKey.OPERATOR).value());
        assertEquals(" pa ss ", resolved.get(ConfigKey.PASSWORD).value());
    }

    @Test
    void flagsMayBeWrittenWithOrWithoutDashes() {
        Map<ConfigKey, ConfiguredValue> resolved = resolve(
                Map.of("--lease", "PT5S", "operator", "me@here"), Map.of(), new Properties());
        assertEquals("PT5S", resolved.get(ConfigKey.LEASE).value());
        assertEquals("me@here", resolved.get(ConfigKey.OPERATOR).value());
        assertEquals("flag --operator", resolved.get(ConfigKey.OPERATOR).origin());
    }

    @Test
    void anUnknownFlagIsAnErrorListingTheKnownFlags() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> resolve(Map.of("--lockwait", "PT5S"), Map.of(), new Properties()));
        assertTrue(error.getMessage().contains("unknown flag --lockwait"), error.getMessage());
        assertTrue(error.getMessage().contains("--lock-wait"), error.getMessage());
        assertFalse(error.getMessage().contains("PT5S"), error.getMessage());
    }

    @Test
    void namesFollowOneRule() {
        assertEquals("SCRIPT_TRACKER_MAX_CONSECUTIVE_FAILURES", ConfigKey.MAX_CONSECUTIVE_FAILURES.environmentVariable());
        assertEquals("scripttracker.continue-after-failure", ConfigKey.CONTINUE_AFTER_FAILURE.systemProperty());
        assertEquals("--table-prefix", ConfigKey.TABLE_PREFIX.flag());
    }
}
