package dev.scripttracker.internal.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a holder's claim lasts without a heartbeat, who the holder is, and the clock that
 * judges it.
 *
 * @param owner unique token of the attempt that holds the lock
 * @param holder {@code user@host} for messages
 */
public record LeaseTerms(Duration duration, Clock clock, String owner, String holder) {

    public Instant now() {
        return clock.instant();
    }

    public Instant expiry() {
        return now().plus(duration);
    }
}
