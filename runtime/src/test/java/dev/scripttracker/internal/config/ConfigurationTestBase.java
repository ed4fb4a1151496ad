package dev.scripttracker.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;

/** A working directory of its own, and resolution from given sources instead of the real environment. */
abstract class ConfigurationTestBase {

    @TempDir
    Path workingDirectory;

    Map<ConfigKey, ConfiguredValue> resolve(Map<String, String> flags, Map<String, String> environment,
            Properties systemProperties) {
        return ConfigurationSources.withDefaultFile(flags, environment, systemProperties, workingDirectory).resolve();
    }

    Path writeFile(String content) throws IOException {
        return Files.writeString(workingDirectory.resolve(ConfigurationSources.FILE_NAME), content);
    }
}
