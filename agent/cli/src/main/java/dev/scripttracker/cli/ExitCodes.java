package dev.scripttracker.cli;

/** The command line's exit codes, as documented in the README and in --help. */
final class ExitCodes {

    /** Every script ran, or there was nothing to do. */
    static final int OK = 0;
    /** A script failed, timed out or was interrupted, or a script named on the command line was blocked. */
    static final int SCRIPT_FAILED = 1;
    /** Bad usage, bad configuration, or the database could not be used. */
    static final int USAGE_OR_CONFIGURATION = 2;
    /** Another process held a script past --lock-wait; nothing failed, run again later. */
    static final int LOCKED = 3;

    static final String HELP = "Exit codes: 0 all ran or nothing to do; 1 a script failed, timed out or was"
            + " interrupted, a script named to run waits for its after scripts, or a BATCH script stopped mid-way"
            + " was not resumed because its code changed (see --force, --restart);"
            + " 2 usage, configuration or database error; 3 a script was held by another process past --lock-wait.";

    private ExitCodes() {
    }
}
