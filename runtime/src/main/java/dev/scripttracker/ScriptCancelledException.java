package dev.scripttracker;

/** Thrown by {@link ScriptContext#checkCancelled()} once a run passed its timeout or was cancelled. */
public class ScriptCancelledException extends RuntimeException {

    public ScriptCancelledException(String message) {
        super(message);
    }
}
