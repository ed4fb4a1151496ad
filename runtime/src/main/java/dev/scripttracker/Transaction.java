package dev.scripttracker;

/** How a script's database work is committed. */
public enum Transaction {
    /** All or nothing: the work and the {@code success} record commit in one transaction. */
    SCRIPT,
    /** Each batch commits with its checkpoint, so a stopped run resumes after the last batch. */
    BATCH,
    /**
     * Autocommit: each statement commits on its own. A run that does not succeed may have left
     * partial effects, so it is never retried without an explicit {@code run ID}.
     */
    NONE
}
