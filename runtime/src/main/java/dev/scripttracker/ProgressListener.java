package dev.scripttracker;

/**
 * Hears a running script's progress in the process that runs it: after each batch, and whenever
 * the script calls {@link ScriptContext#progress}. Called on the script's thread; keep it quick.
 * Other processes see the progress through {@link ScriptTracker#status()} instead.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (script, progress) -> { };

    void progress(ScriptDefinition script, Progress progress);
}
