package dev.scripttracker.internal.run;

/** Thrown by {@code ScriptContext.skip} to leave the script; the runner records {@code skipped}. */
final class ScriptSkipped extends RuntimeException {

    ScriptSkipped(String reason) {
        super(reason, null, false, false);
    }
}
