package dev.scripttracker.internal.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A setting that can be given outside code. Each has one canonical kebab-case name ({@code lock-wait}),
 * spelled {@code --lock-wait} as a flag, {@code SCRIPT_TRACKER_LOCK_WAIT} in the environment,
 * {@code scripttracker.lock-wait} as a system property, and {@code lock-wait} (or
 * {@code scripttracker.lock-wait}) in {@code script-tracker.properties}.
 */
public enum ConfigKey {
    URL,
    USER,
    PASSWORD,
    TABLE_PREFIX,
    LOCK_WAIT,
    LEASE,
    MAX_OUTPUT_CHARS,
    MAX_CONSECUTIVE_FAILURES,
    CONTINUE_AFTER_FAILURE,
    OPERATOR;

    static final String ENVIRONMENT_PREFIX = "SCRIPT_TRACKER_";
    static final String PROPERTY_PREFIX = "scripttracker.";

    public String canonicalName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String flag() {
        return "--" + canonicalName();
    }

    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + name();
    }

    public String systemProperty() {
        return PROPERTY_PREFIX + canonicalName();
    }

    /** Whether the value must never be shown (in messages, logs or {@code toString}). */
    public boolean isSecret() {
        return this == PASSWORD;
    }

    /**
     * The value as configured, or {@code null} when it counts as not set (absent or blank), so that
     * a source further down applies. Values are trimmed, except secrets, which are kept as written.
     */
    String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return isSecret() ? raw : raw.trim();
    }

    /** The key with exactly this canonical name, e.g. {@code lock-wait}. */
    public static Optional<ConfigKey> named(String canonicalName) {
        return Arrays.stream(values()).filter(key -> key.canonicalName().equals(canonicalName)).findFirst();
    }

    static String knownNames(String prefix) {
        return Arrays.stream(values()).map(key -> prefix + key.canonicalName()).collect(Collectors.joining(", "));
    }
}
