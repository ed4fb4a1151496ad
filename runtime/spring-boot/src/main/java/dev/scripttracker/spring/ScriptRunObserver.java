package dev.scripttracker.spring;

import dev.scripttracker.ProgressListener;
import dev.scripttracker.RunResult;

/** Hears the runs that the integration makes (the start-up run): the metrics are one. */
public interface ScriptRunObserver extends ProgressListener {

    /** A script's run ended (or was not attempted) with this result. */
    void finished(RunResult result);
}
