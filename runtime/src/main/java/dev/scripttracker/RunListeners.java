package dev.scripttracker;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one tracker, each shielded from the others and from the run. */
final class RunListeners {

    private static final Logger LOG = LoggerFactory.getLogger(RunListener.class);

    private final List<RunListener> listeners;

    RunListeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** The options with a progress listener that tells the run's own and then these. */
    RunOptions around(RunOptions options) {
        if (listeners.isEmpty()) {
            return options;
        }
        ProgressListener own = options.progressListener();
        return options.withProgressListener((script, progress) -> {
            own.progress(script, progress);
            for (RunListener listener : listeners) {
                try {
                    listener.progress(script, progress);
                } catch (RuntimeException e) {
                    LOG.warn("run listener {} failed on the progress of script {}", listener, script.id(), e);
                }
            }
        });
    }

    RunResult finished(RunResult result) {
        for (RunListener listener : listeners) {
            try {
                listener.finished(result);
            } catch (RuntimeException e) {
                LOG.warn("run listener {} failed on the end of script {}", listener, result.scriptId(), e);
            }
        }
        return result;
    }

    RunReport finished(RunReport report) {
        report.results().forEach(this::finished);
        return report;
    }
}
