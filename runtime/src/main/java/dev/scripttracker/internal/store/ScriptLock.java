package dev.scripttracker.internal.store;

import java.util.Optional;

/**
 * A lock per script, so that concurrent processes never run one script twice. Implementations are
 * bound to one attempt's sessions (see {@link Dialect#newLock}).
 */
public interface ScriptLock {

    /** Tries once, without waiting. */
    boolean tryAcquire(String scriptId);

    /**
     * Tries once and, when the lock is taken, reads the script's state row: in one round trip
     * where the database allows. The row may predate the lock; writes after it compare and set.
     *
     * @return empty when the lock is held by someone else
     */
    Optional<Claim> tryAcquireAndRead(String scriptId, StateStore store);

    /** The state row as read when the lock was taken; empty when the script never ran. */
    record Claim(Optional<StateRow> row) {
    }

    /** Gives the lock back; safe to call when not held. */
    void release(String scriptId);

    /**
     * Proves that the lock is still ours (and extends its lease where it has one).
     *
     * @return false when the lock was lost (session gone, lease taken over)
     */
    boolean renew(String scriptId);

    /** Who holds the lock, when the lock itself knows. */
    default Optional<String> holder(String scriptId) {
        return Optional.empty();
    }
}
