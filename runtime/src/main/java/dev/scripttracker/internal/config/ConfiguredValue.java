package dev.scripttracker.internal.config;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.internal.JdbcUrls;
import java.nio.file.Path;

/**
 * One setting's value together with where it came from, for messages that let people find and fix it.
 *
 * @param spelledAs the name as written in its source, e.g. {@code SCRIPT_TRACKER_LOCK_WAIT}
 * @param source    the kind of source, e.g. {@code environment variable} or {@code properties file /abs/path}
 */
public record ConfiguredValue(ConfigKey key, String value, String spelledAs, String source) {

    static ConfiguredValue flag(ConfigKey key, String value) {
        return new ConfiguredValue(key, value, key.flag(), "flag");
    }

    static ConfiguredValue environment(ConfigKey key, String value) {
        return new ConfiguredValue(key, value, key.environmentVariable(), "environment variable");
    }

    static ConfiguredValue systemProperty(ConfigKey key, String value) {
        return new ConfiguredValue(key, value, key.systemProperty(), "system property");
    }

    static ConfiguredValue file(ConfigKey key, String spelledAs, String value, Path file) {
        return new ConfiguredValue(key, value, spelledAs, describeFile(file));
    }

    static String describeFile(Path file) {
        return "properties file " + file.toAbsolutePath().normalize();
    }

    /**
     * Where the value came from, e.g. {@code environment variable SCRIPT_TRACKER_LOCK_WAIT},
     * {@code flag --lock-wait}, or {@code lock-wait in properties file /app/script-tracker.properties}.
     */
    public String origin() {
        return source.startsWith("properties file") ? spelledAs + " in " + source : source + " " + spelledAs;
    }

    /** The value as it may be shown: a password as {@code ***}, a URL without its password. */
    public String shownValue() {
        if (key.isSecret()) {
            return "***";
        }
        return key == ConfigKey.URL ? JdbcUrls.redact(value) : value;
    }

    /** {@code SCRIPT_TRACKER_LOCK_WAIT=abc (environment variable)}. */
    public String describe() {
        return spelledAs + "=" + shownValue() + " (" + source + ")";
    }

    /** An error naming this value and its source, what is wrong with it, and how to fix it. */
    ConfigurationException invalid(String problem, String fix) {
        return new ConfigurationException(describe() + " " + problem + "; " + fix);
    }

    /** Never shows a password (the record's own {@code toString} would). */
    @Override
    public String toString() {
        return describe();
    }
}
