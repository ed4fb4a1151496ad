package dev.scripttracker.internal.run;

import dev.scripttracker.internal.store.TableNames;
import java.time.Clock;
import java.time.Duration;

/**
 * The engine's tuning, validated by the builder.
 *
 * @param lockWait how long a run waits for another process holding the same script
 * @param lease how long a holder's claim lasts without a heartbeat
 * @param maxOutputChars bound of the captured output per run; the tail is kept
 * @param maxConsecutiveFailures after this many failures in a row a script waits for an explicit run
 * @param operator who runs scripts, recorded with each attempt ({@code user@host})
 */
public record Settings(
        TableNames tables,
        Duration lockWait,
        Duration lease,
        int maxOutputChars,
        int maxConsecutiveFailures,
        boolean continueAfterFailure,
        String operator,
        Clock clock,
        ClassLoader classLoader) {

    public Duration heartbeatInterval() {
        return lease.dividedBy(3);
    }
}
