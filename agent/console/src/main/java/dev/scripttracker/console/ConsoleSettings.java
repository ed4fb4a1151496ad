package dev.scripttracker.console;

import java.util.Objects;

/**
 * How a console behaves, whichever server carries it.
 *
 * @param basePath where the console's pages are, {@code ""} for the root or e.g. {@code /scripttracker}
 * @param credentials who may use it
 * @param readOnly pages only: no action is offered, every action is refused
 * @param maxShownOutputChars how much of an attempt's output a page shows (its tail)
 * @param audit where each action is written, with who asked for it
 */
public record ConsoleSettings(String basePath, Credentials credentials, boolean readOnly, int maxShownOutputChars,
        AuditLog audit) {

    public static final int DEFAULT_SHOWN_OUTPUT_CHARS = 20_000;

    public ConsoleSettings {
        basePath = normalized(basePath);
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(audit, "audit");
        if (maxShownOutputChars < 1) {
            throw new IllegalArgumentException("maxShownOutputChars must be at least 1, was " + maxShownOutputChars);
        }
    }

    public static ConsoleSettings defaults() {
        return new ConsoleSettings("", Credentials.none(), false, DEFAULT_SHOWN_OUTPUT_CHARS, AuditLog.SLF4J);
    }

    public ConsoleSettings withBasePath(String path) {
        return new ConsoleSettings(path, credentials, readOnly, maxShownOutputChars, audit);
    }

    public ConsoleSettings withCredentials(Credentials given) {
        return new ConsoleSettings(basePath, given, readOnly, maxShownOutputChars, audit);
    }

    public ConsoleSettings withReadOnly(boolean given) {
        return new ConsoleSettings(basePath, credentials, given, maxShownOutputChars, audit);
    }

    public ConsoleSettings withAudit(AuditLog given) {
        return new ConsoleSettings(basePath, credentials, readOnly, maxShownOutputChars, given);
    }

    private static String normalized(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "";
        }
        if (!path.matches("(/[A-Za-z0-9._-]+)+/?")) {
            throw new IllegalArgumentException("the console path " + path + " is not a plain path; give one such as"
                    + " /scripttracker (letters, digits, '.', '_', '-' between slashes)");
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
