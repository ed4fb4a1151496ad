package dev.scripttracker.internal.run;

import dev.scripttracker.ScriptFactory;
import dev.scripttracker.WorkConnectionBinder;
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
 * @param scriptFactory creates script instances; null for their public no-argument constructor
 * @param workConnectionBinder shows the work connection to a container's transactions; null for none
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
        ClassLoader classLoader,
        ScriptFactory scriptFactory,
        WorkConnectionBinder workConnectionBinder) {

    public Settings {
        scriptFactory = scriptFactory == null ? EntryPoints::newInstance : scriptFactory;
        workConnectionBinder = workConnectionBinder == null ? WorkConnectionBinder.NONE : workConnectionBinder;
    }

    public Duration heartbeatInterval() {
        return lease.dividedBy(3);
    }
}
