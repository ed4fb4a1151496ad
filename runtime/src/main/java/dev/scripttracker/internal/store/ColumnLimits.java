package dev.scripttracker.internal.store;

/**
 * Lengths of the store's columns for values that come from configuration or registration, so that
 * a value that cannot fit is refused at start-up, before anything is written, rather than by the
 * database in the middle of a run.
 */
public final class ColumnLimits {

    /** {@code description varchar(1000)}; the processor enforces the same limit at compile time. */
    public static final int DESCRIPTION = 1000;
    /** {@code executed_by}, {@code cancel_requested_by} and the lock's {@code holder}: {@code varchar(255)}. */
    public static final int OPERATOR = 255;
    /** {@code error_class varchar(500)}. */
    public static final int ERROR_CLASS = 500;

    private ColumnLimits() {
    }
}
