package dev.scripttracker;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How far a script got, as it reported ({@link ScriptContext#progress}) or as its batches counted.
 *
 * @param total the expected number of items; 0 when unknown
 * @param itemsPerSecond the rate of the current (or last) attempt; 0 when unknown
 * @param at when a batch run last saved this; null when not saved by batches
 */
public record Progress(long done, long total, double itemsPerSecond, Instant at) {

    public static final Progress NONE = new Progress(0, 0, 0, null);

    /** True when more items were done than the estimate said there were. */
    public boolean estimateExceeded() {
        return total > 0 && done > total;
    }

    /** The time left at the current rate, when the total and the rate are known and not yet passed. */
    public Optional<Duration> eta() {
        if (total <= 0 || itemsPerSecond <= 0 || done >= total) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) ((total - done) * 1000 / itemsPerSecond)));
    }

    /** E.g. {@code 12,000/50,000 (24%) 1,850/s ETA 20s}, or {@code 12,345 done (estimate of 10,000 exceeded)}. */
    public String describe() {
        if (done == 0 && total == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (estimateExceeded()) {
            text.append(String.format(Locale.ROOT, "%,d done (estimate of %,d exceeded)", done, total));
        } else if (total > 0) {
            text.append(String.format(Locale.ROOT, "%,d/%,d (%d%%)", done, total, done * 100 / total));
        } else {
            text.append(String.format(Locale.ROOT, "%,d done", done));
        }
        if (itemsPerSecond > 0) {
            text.append(String.format(Locale.ROOT, " %,.0f/s", itemsPerSecond));
        }
        eta().ifPresent(eta -> text.append(" ETA ").append(humane(eta)));
        return text.toString();
    }

    private static String humane(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s"
                : (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", s / 60 % 60) + "m";
    }
}
