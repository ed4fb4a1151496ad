package dev.scripttracker.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesFileTest extends ConfigurationTestBase {

    @Test
    void theFileAcceptsBothPlainAndPrefixedKeys() throws IOException {
        writeFile("scripttracker.table-prefix=ops_scripts\nlock-wait=5s\n");
        Map<ConfigKey, ConfiguredValue> resolved = resolve(Map.of(), Map.of(), new Properties());
        assertEquals("ops_scripts", resolved.get(ConfigKey.TABLE_PREFIX).value());
        assertEquals("scripttracker.table-prefix", resolved.get(ConfigKey.TABLE_PREFIX).spelledAs());
        assertEquals("5s", resolved.get(ConfigKey.LOCK_WAIT).value());
    }

    @Test
    void anExplicitFileIsReadFromItsPath() throws IOException {
        Path file = Files.writeString(workingDirectory.resolve("prod.properties"), "operator=deployer\n");
        Map<ConfigKey, ConfiguredValue> resolved =
                ConfigurationSources.withFile(Map.of(), Map.of(), new Properties(), file).resolve();
        assertEquals("deployer", resolved.get(ConfigKey.OPERATOR).value());
        assertTrue(resolved.get(ConfigKey.OPERATOR).source().endsWith("prod.properties"));
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorNamingTheKeyTheFileAndTheKnownKeys() throws IOException {
        Path file = writeFile("lock_wait=PT5S\n");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> resolve(Map.of(), Map.of(), new Properties()));
        assertTrue(error.getMessage().contains("unknown key 'lock_wait'"), error.getMessage());
        assertTrue(error.getMessage().contains(file.toAbsolutePath().normalize().toString()), error.getMessage());
        assertTrue(error.getMessage().contains("lock-wait, lease"), error.getMessage());
        assertTrue(error.getMessage().contains("fix or remove it"), error.getMessage());
    }

    @Test
    void theSameKeyTwiceInTheFileIsAnError() throws IOException {
        writeFile("lease=PT5S\nscripttracker.lease=PT6S\n");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> resolve(Map.of(), Map.of(), new Properties()));
        assertTrue(error.getMessage().contains("sets lease twice"), error.getMessage());
        assertTrue(error.getMessage().contains("keep only one"), error.getMessage());
    }

    @Test
    void anExplicitFileThatDoesNotExistIsAnError() {
        Path missing = workingDirectory.resolve("nowhere.properties");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> ConfigurationSources.withFile(Map.of(), Map.of(), new Properties(), missing).resolve());
        assertTrue(error.getMessage().contains(missing.toAbsolutePath().normalize().toString()), error.getMessage());
        assertTrue(error.getMessage().contains("does not exist; fix the path"), error.getMessage());
    }

    @Test
    void anExplicitFileThatCannotBeReadIsAnError() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> ConfigurationSources.withFile(Map.of(), Map.of(), new Properties(), workingDirectory).resolve());
        assertTrue(error.getMessage().startsWith("cannot read properties file "), error.getMessage());
        assertTrue(error.getMessage().contains("given explicitly"), error.getMessage());
    }
}
