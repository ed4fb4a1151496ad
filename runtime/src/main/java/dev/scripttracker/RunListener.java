package dev.scripttracker;

/**
 * Hears every run a {@link ScriptTracker} makes, whoever started it (start-up, the application's own
 * calls, an operator's console): for metrics, audit logs and dashboards. Register it with
 * {@link ScriptTrackerBuilder#listener(RunListener)}. Called on the run's thread (progress of a parallel
 * loop on its workers' threads too): keep it quick; what it throws is logged and does not change the run.
 */
public interface RunListener extends ProgressListener {

    @Override
    default void progress(ScriptDefinition script, Progress progress) {
    }

    /** A run ended, or was not attempted ({@link RunResult#attempt()} 0: already done, held elsewhere, blocked). */
    default void finished(RunResult result) {
    }
}
