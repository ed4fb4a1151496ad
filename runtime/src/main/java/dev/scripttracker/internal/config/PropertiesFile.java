package dev.scripttracker.internal.config;

import dev.scripttracker.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads {@code script-tracker.properties} (UTF-8). Keys are the canonical names ({@code lock-wait}),
 * optionally prefixed {@code scripttracker.}; any other key is an error, as it is most likely a typo.
 */
final class PropertiesFile {

    private PropertiesFile() {
    }

    /**
     * @param explicit whether someone named this file; then it must exist. The default file is optional.
     */
    static List<ConfiguredValue> read(Path file, boolean explicit) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!explicit && Files.notExists(absolute)) {
            return List.of();
        }
        Properties properties = load(absolute, explicit);
        Map<ConfigKey, String> spellings = new EnumMap<>(ConfigKey.class);
        List<ConfiguredValue> values = new ArrayList<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            ConfigKey key = keyFor(name, absolute);
            String earlier = spellings.put(key, name);
            if (earlier != null) {
                throw new ConfigurationException(ConfiguredValue.describeFile(absolute) + " sets " + key.canonicalName()
                        + " twice, as " + earlier + " and as " + name + "; keep only one of them");
            }
            String value = key.normalize(properties.getProperty(name));
            if (value != null) {
                values.add(ConfiguredValue.file(key, name, value, absolute));
            }
        }
        return values;
    }

    private static Properties load(Path file, boolean explicit) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(ConfiguredValue.describeFile(file) + " does not exist; fix the path"
                    + " that was given, or give none to use ./script-tracker.properties when it exists", e);
        } catch (IOException | IllegalArgumentException e) {
            String given = explicit ? " (given explicitly)" : "";
            throw new ConfigurationException("cannot read " + ConfiguredValue.describeFile(file) + given + ": " + e
                    + "; make it a readable UTF-8 properties file of key=value lines", e);
        }
    }

    /** The key for a name in the file; the value is not shown, as a misspelled key may hold a password. */
    private static ConfigKey keyFor(String name, Path file) {
        String canonical = name.startsWith(ConfigKey.PROPERTY_PREFIX)
                ? name.substring(ConfigKey.PROPERTY_PREFIX.length()) : name;
        return ConfigKey.named(canonical).orElseThrow(() -> new ConfigurationException(ConfiguredValue.describeFile(file)
                        + " has an unknown key '" + name + "'; fix or remove it. Known keys: "
                        + ConfigKey.knownNames("") + " (each may also be written with the prefix "
                        + ConfigKey.PROPERTY_PREFIX + ")"));
    }
}
