package dev.scripttracker.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs that were asked for and await their confirmation, held here so that the confirmation page
 * carries only a random reference, never the parameters (a secret would be echoed into the page).
 * Each is taken once, by the user who asked, within {@link #VALID_FOR}.
 */
final class RunConfirmations {

    static final String FIELD = "pending";
    static final Duration VALID_FOR = Duration.ofMinutes(10);
    private static final int MAX_HELD = 1_000;

    record Pending(String scriptId, Map<String, String> parameters, String shown, boolean dryRun, String principal,
            Instant askedAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Pending> held = new LinkedHashMap<>();

    RunConfirmations(Clock clock) {
        this.clock = clock;
    }

    synchronized String hold(String scriptId, Map<String, String> parameters, String shown, boolean dryRun,
            String principal) {
        dropExpired();
        if (held.size() >= MAX_HELD) {
            held.remove(held.keySet().iterator().next());
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String reference = HexFormat.of().formatHex(bytes);
        held.put(reference, new Pending(scriptId, Map.copyOf(parameters), shown, dryRun, principal, clock.instant()));
        return reference;
    }

    /** The run awaiting this confirmation, removed; empty when unknown, used, expired or someone else's. */
    synchronized Optional<Pending> take(String reference, String scriptId, String principal) {
        dropExpired();
        Pending pending = reference == null ? null : held.get(reference);
        if (pending == null || !pending.scriptId().equals(scriptId) || !pending.principal().equals(principal)) {
            return Optional.empty();
        }
        held.remove(reference);
        return Optional.of(pending);
    }

    private void dropExpired() {
        Instant oldest = clock.instant().minus(VALID_FOR);
        for (Iterator<Pending> it = held.values().iterator(); it.hasNext(); ) {
            if (it.next().askedAt().isBefore(oldest)) {
                it.remove();
            }
        }
    }
}
