package dev.scripttracker.spring;

import dev.scripttracker.RunResult;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" report for a script that failed at start-up. */
final class ScriptFailedAtStartupFailureAnalyzer extends AbstractFailureAnalyzer<ScriptFailedAtStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ScriptFailedAtStartupException cause) {
        RunResult result = cause.result();
        return new FailureAnalysis("Script " + result.scriptId() + " failed while the application started ("
                + result.outcome() + "): " + result.message(),
                "Read its error and output (script-tracker history " + result.scriptId() + "). Fix the script or the"
                        + " data and start again: a SCRIPT-mode script was rolled back whole and runs again, a BATCH"
                        + " script resumes after its last committed batch. To start despite it, set"
                        + " scripttracker.on-failure=log (the health contributor then reports it).", cause);
    }
}
