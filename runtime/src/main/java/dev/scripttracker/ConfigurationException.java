package dev.scripttracker;

/**
 * Something about the set-up is wrong (database URL, table prefix, registries, an unknown script
 * id, a schema written by a newer version) and must be fixed before anything runs. Nothing was
 * written when this is thrown.
 */
public class ConfigurationException extends ScriptTrackerException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
