package dev.scripttracker.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns configured text into typed values, or into an error that names the value, its source and the fix. */
final class ValueParsers {

    /** A plain duration: a whole number and a unit, e.g. {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1d}. */
    private static final Pattern PLAIN_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

    private ValueParsers() {
    }

    /** ISO-8601 ({@code PT30S}, {@code PT1M30S}) or a plain number and unit ({@code 30s}, {@code 500ms}, {@code 2m}). */
    static Duration duration(ConfiguredValue configured) {
        String text = configured.value();
        Matcher plain = PLAIN_DURATION.matcher(text);
        if (plain.matches()) {
            long amount = Long.parseLong(plain.group(1));
            switch (plain.group(2).toLowerCase(Locale.ROOT)) {
                case "ms": return Duration.ofMillis(amount);
                case "s": return Duration.ofSeconds(amount);
                case "m": return Duration.ofMinutes(amount);
                case "h": return Duration.ofHours(amount);
                default: return Duration.ofDays(amount);
            }
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw configured.invalid("is not a duration",
                    "write ISO-8601 like PT30S or PT1M30S, or a whole number and a unit like 30s, 500ms, 2m, 1h");
        }
    }

    static int wholeNumber(ConfiguredValue configured) {
        try {
            return Integer.parseInt(configured.value());
        } catch (NumberFormatException e) {
            throw configured.invalid("is not a whole number",
                    "write digits only, at most " + Integer.MAX_VALUE + ", like " + configured.spelledAs() + "=100");
        }
    }

    static boolean trueOrFalse(ConfiguredValue configured) {
        String text = configured.value();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw configured.invalid("is neither true nor false", "write true or false");
    }
}
