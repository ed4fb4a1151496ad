package dev.scripttracker.internal.config;

import dev.scripttracker.ConfigurationException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where configuration comes from, and which source wins for each setting: explicit values (flags),
 * then {@code SCRIPT_TRACKER_*} environment variables, then {@code scripttracker.*} system properties,
 * then {@code script-tracker.properties}. A blank value counts as not set. Unknown
 * {@code SCRIPT_TRACKER_*} variables and {@code scripttracker.*} properties are ignored, as those
 * namespaces are shared with the rest of the process; unknown flags and file keys are errors.
 */
public final class ConfigurationSources {

    public static final String FILE_NAME = "script-tracker.properties";

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Path file;
    private final boolean fileGivenExplicitly;

    private ConfigurationSources(Map<String, String> flags, Map<String, String> environment,
            Properties systemProperties, Path file, boolean fileGivenExplicitly) {
        this.flags = Objects.requireNonNull(flags, "flags");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.file = Objects.requireNonNull(file, "file");
        this.fileGivenExplicitly = fileGivenExplicitly;
    }

    /** This process's environment and system properties, and {@code ./script-tracker.properties} if present. */
    public static ConfigurationSources ofThisProcess(Map<String, String> flags) {
        return withDefaultFile(flags, System.getenv(), System.getProperties(), Path.of(""));
    }

    /** The given sources, and {@code script-tracker.properties} in {@code workingDirectory} if present. */
    public static ConfigurationSources withDefaultFile(Map<String, String> flags, Map<String, String> environment,
            Properties systemProperties, Path workingDirectory) {
        return new ConfigurationSources(flags, environment, systemProperties,
                workingDirectory.resolve(FILE_NAME), false);
    }

    /** The given sources and a properties file that someone named, so it must exist. */
    public static ConfigurationSources withFile(Map<String, String> flags, Map<String, String> environment,
            Properties systemProperties, Path propertiesFile) {
        return new ConfigurationSources(flags, environment, systemProperties, propertiesFile, true);
    }

    /**
     * The winning value of each setting that is set somewhere; settings set nowhere are absent.
     *
     * @throws ConfigurationException for an unknown flag, an unknown key in the file, or an unreadable file
     */
    public Map<ConfigKey, ConfiguredValue> resolve() {
        Map<ConfigKey, ConfiguredValue> resolved = new EnumMap<>(ConfigKey.class);
        // From the lowest precedence up: each source overrides what the ones below it set.
        for (ConfiguredValue fromFile : PropertiesFile.read(file, fileGivenExplicitly)) {
            resolved.put(fromFile.key(), fromFile);
        }
        for (ConfigKey key : ConfigKey.values()) {
            String property = key.normalize(systemProperties.getProperty(key.systemProperty()));
            if (property != null) {
                resolved.put(key, ConfiguredValue.systemProperty(key, property));
            }
            String variable = key.normalize(environment.get(key.environmentVariable()));
            if (variable != null) {
                resolved.put(key, ConfiguredValue.environment(key, variable));
            }
        }
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            ConfigKey key = flagKey(flag.getKey());
            String value = key.normalize(flag.getValue());
            if (value != null) {
                resolved.put(key, ConfiguredValue.flag(key, value));
            }
        }
        return Collections.unmodifiableMap(resolved);
    }

    /** {@code lock-wait} or {@code --lock-wait}; the value is not shown, as a misspelled flag may hold a password. */
    private static ConfigKey flagKey(String name) {
        String canonical = name.startsWith("--") ? name.substring(2) : name;
        return ConfigKey.named(canonical).orElseThrow(() -> new ConfigurationException(
                "unknown flag --" + canonical + "; fix or remove it. Known flags: " + ConfigKey.knownNames("--")));
    }
}
