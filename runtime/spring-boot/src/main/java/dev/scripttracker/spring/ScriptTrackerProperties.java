package dev.scripttracker.spring;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code scripttracker.*}. The store settings carry the names of script-tracker's own
 * configuration keys ({@code url}, {@code table-prefix}, {@code lock-wait}, ...), so that
 * {@code scripttracker.lock-wait} means the same in {@code application.properties} as it does as a
 * system property for the command line and the agent. An unset value keeps the builder's default.
 *
 * @param enabled Whether to set up script-tracker.
 * @param runPending Whether to run the pending scripts while the application starts, before it takes traffic.
 * @param runIds Scripts to run by id at start-up as an explicit run (like 'script-tracker run ID'): also those that
 *     wait for a person (failed 3 times, cancelled, possibly partial). Remove them once they succeeded.
 * @param onFailure What a script that fails at start-up does: 'fail' stops the start-up with the script's error,
 *     'log' logs it and starts.
 * @param url JDBC URL of the store's own database, when it must differ from the application's DataSource. Scripts'
 *     work through the application's DataSource is then not in their transaction.
 * @param user User for the store's own database.
 * @param password Password for the store's own database.
 * @param tablePrefix Base name of the store's tables. Default: tracked_scripts.
 * @param lockWait How long a run waits for another instance that holds the same script. Default: 10s.
 * @param lease How long a running script's claim lasts without a heartbeat. Default: 30s.
 * @param maxOutputChars Bound of the output kept per run (its tail is kept). Default: 65536.
 * @param maxConsecutiveFailures Failures in a row after which a script waits for an explicit run. Default: 3.
 * @param continueAfterFailure Whether the start-up run goes on with later scripts after one failed. Default: false.
 * @param operator Who is recorded as running the scripts. Default: user@host.
 * @param health How the health contributor reports failed and stuck scripts.
 */
@ConfigurationProperties(prefix = "scripttracker")
public record ScriptTrackerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean runPending,
        List<String> runIds,
        @DefaultValue("fail") OnFailure onFailure,
        String url,
        String user,
        String password,
        String tablePrefix,
        Duration lockWait,
        Duration lease,
        Integer maxOutputChars,
        Integer maxConsecutiveFailures,
        Boolean continueAfterFailure,
        String operator,
        @DefaultValue Health health) {

    public ScriptTrackerProperties {
        runIds = runIds == null ? List.of() : List.copyOf(runIds);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ScriptTrackerProperties[enabled=" + enabled + ", runPending=" + runPending + ", runIds=" + runIds
                + ", onFailure=" + onFailure + ", url=" + url + ", user=" + user + ", password="
                + (password == null ? null : "***") + ", tablePrefix=" + tablePrefix + ", lockWait=" + lockWait
                + ", lease=" + lease + ", maxOutputChars=" + maxOutputChars + ", maxConsecutiveFailures="
                + maxConsecutiveFailures + ", continueAfterFailure=" + continueAfterFailure + ", operator=" + operator
                + ", health=" + health + "]";
    }

    /** What a script that fails during start-up does to the start-up. */
    public enum OnFailure {
        /** Stop the application with the script's error, like a failed Flyway migration. */
        FAIL,
        /** Log the failure and start anyway; the health contributor reports it. */
        LOG
    }

    /**
     * @param failedStatus Health status while a script's latest attempt failed, timed out or was interrupted, or a
     *     script is stuck.
     * @param stuckAfter How old a running script's heartbeat may get before the script is reported as stuck.
     */
    public record Health(@DefaultValue("down") FailedStatus failedStatus, @DefaultValue("2m") Duration stuckAfter) {
    }

    /** The health status of a failed or stuck script. */
    public enum FailedStatus {
        /** The application is not healthy: a person must look at the script. */
        DOWN,
        /** Taken out of service (readiness), without claiming the process is broken. */
        OUT_OF_SERVICE
    }
}
