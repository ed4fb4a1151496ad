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
    ROLLED_BACK,
    /**
     * The table holds a status this version does not know (edited by hand, or written by a newer
     * version); {@link ScriptState#unreadable()} shows the value. The script does not run until the
     * row is fixed.
     */
    UNKNOWN;

    /** The lower-case name stored in the database and shown to users. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a stored label stands for, spelled exactly as {@link #label()}; {@link #UNKNOWN} for anything else. */
    public static ScriptStatus fromStored(String label) {
        for (ScriptStatus status : values()) {
            if (status != UNKNOWN && status.label().equals(label)) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /** True for the statuses after which a script does not run again without {@code --force}. */
    public boolean isDone() {
        return this == SUCCESS || this == SKIPPED;
    }
}
