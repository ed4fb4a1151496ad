package dev.scripttracker.internal.store;

import java.util.Optional;

/**
 * A lock per script held by one long-lived database session, so that concurrent processes never run
 * one script twice. Implementations are bound to one session and one attempt.
 */
public interface ScriptLock {

    /** Tries once, without waiting. */
    boolean tryAcquire(String scriptId);

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
