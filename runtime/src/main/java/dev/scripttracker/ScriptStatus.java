package dev.scripttracker;

import java.util.Locale;

/** The recorded state of a script or of one attempt of it. */
public enum ScriptStatus {
    /** Never ran: the database has no row for it yet. */
    PENDING,
    RUNNING,
    SUCCESS,
    FAILED,
    SKIPPED,
    TIMED_OUT,
    /** The process that ran it died or lost its lock; detected by lock ownership or lease expiry. */
    INTERRUPTED,
    CANCELLED,
    /** Its rollback method ran and committed; it runs again like a pending script. */
    ROLLED_BACK;

    /** The lower-case name stored in the database and shown to users. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScriptStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** True for the statuses after which a script does not run again without {@code --force}. */
    public boolean isDone() {
        return this == SUCCESS || this == SKIPPED;
    }
}
