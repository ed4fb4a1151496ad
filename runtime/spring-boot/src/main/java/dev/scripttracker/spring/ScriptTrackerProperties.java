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
 * @param enabled whether script-tracker is set up at all
 * @param runPending whether pending scripts run while the application starts, before it takes traffic
 * @param runIds scripts to run by id at start-up, as {@code script-tracker run ID} does: also those that wait for an
 *     explicit run (failed 3 times, cancelled, possibly partial); remove them once they succeeded
 * @param onFailure what a failed script does to the start-up: {@code fail} it (with the script's error) or {@code log} it
 * @param url JDBC URL of the store's own database, when it must differ from the application's DataSource
 *     (then scripts' work through the application's DataSource is not in their transaction)
 * @param user user for {@code url}
 * @param password password for {@code url}
 * @param tablePrefix base name of the tables (default {@code tracked_scripts})
 * @param lockWait how long a run waits for another instance that holds the same script (default 10s)
 * @param lease how long a running script's claim lasts without a heartbeat (default 30s)
 * @param maxOutputChars bound of the output kept per run (default 65536)
 * @param maxConsecutiveFailures failures in a row after which a script waits for an explicit run (default 3)
 * @param continueAfterFailure whether the start-up run goes on with later scripts after one failed (default false)
 * @param operator who is recorded as running the scripts (default user@host)
 * @param health how the health contributor reports failed and stuck scripts
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
     * @param failedStatus the status reported while a script has failed, timed out or was interrupted:
     *     {@code DOWN} or {@code OUT_OF_SERVICE}
     * @param stuckAfter a running script whose heartbeat is older than this is reported as stuck
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
