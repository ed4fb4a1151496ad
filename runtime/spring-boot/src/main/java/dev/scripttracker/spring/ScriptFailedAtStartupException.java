package dev.scripttracker.spring;

import dev.scripttracker.RunResult;

/** A pending script failed while the application started; the start-up stops with the script's error as cause. */
public final class ScriptFailedAtStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RunResult result;

    ScriptFailedAtStartupException(RunResult result) {
        super("script " + result.scriptId() + " stopped the start-up (" + result.outcome() + "): " + result.message()
                + ". The application did not start. Fix the script (its error"
                + " and output: script-tracker history " + result.scriptId() + ") and start again, or set"
                + " scripttracker.on-failure=log to start despite it.", result.error());
        this.result = result;
    }

    public RunResult result() {
        return result;
    }
}
