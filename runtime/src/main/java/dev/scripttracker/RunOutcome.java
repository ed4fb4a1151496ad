package dev.scripttracker;

/** What happened to one script when it was asked to run. */
public enum RunOutcome {
    SUCCEEDED(false),
    SKIPPED(false),
    FAILED(true),
    TIMED_OUT(true),
    /**
     * This process lost its lock while the script ran and stopped it; its work was rolled back,
     * except in {@link Transaction#NONE} mode.
     */
    INTERRUPTED(true),
    /**
     * Someone cancelled it from another process ({@code cancel ID}); a {@link Transaction#BATCH} script
     * stopped at a batch boundary and resumes there when it is run by id again.
     */
    CANCELLED(true),
    /** Its rollback method ran and committed; the script is pending again. */
    ROLLED_BACK(false),
    /** Ran with {@code dryRun}: all work rolled back, nothing recorded. */
    DRY_RUN(false),
    /** Already {@code success} or {@code skipped}: not run again (use force). */
    ALREADY_DONE(false),
    /**
     * Another process runs the script (it holds the lock past the lock wait, or its lease has not
     * expired). {@code runPending} stops there, so that scripts still run in order.
     */
    LOCKED(false),
    /**
     * Another process was running the script's parallel batch loop ({@code workers(n)}): this process's
     * workers joined it and took their share of its chunks. The run's own process records its outcome
     * once every chunk is done. {@code runPending} stops there, as for {@link #LOCKED}.
     */
    JOINED(false),
    /**
     * A {@link Transaction#BATCH} script stopped mid-way and its code changed since the attempt that got it
     * there: it is not resumed with other code than the batches before. Run it by id with {@code force} to
     * resume with the new code, or with {@code restart} to start again from the first batch.
     */
    CODE_CHANGED(true),
    /** A script named in {@code after} has not succeeded yet. */
    BLOCKED(false),
    /** Its last run may have left partial effects, was cancelled, or failed too often: run it by id. */
    NEEDS_EXPLICIT_RUN(false),
    /** Not tried because an earlier script failed in the same invocation. */
    NOT_ATTEMPTED(false);

    private final boolean failure;

    RunOutcome(boolean failure) {
        this.failure = failure;
    }

    /** True when a script ran and did not succeed. */
    public boolean isFailure() {
        return failure;
    }
}
