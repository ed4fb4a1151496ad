package dev.scripttracker;

/** A failure of script-tracker itself (not of a script), with a message saying what to do. */
public class ScriptTrackerException extends RuntimeException {

    public ScriptTrackerException(String message) {
        super(message);
    }

    public ScriptTrackerException(String message, Throwable cause) {
        super(message, cause);
    }
}
