package dev.scripttracker.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ParameterDeclarations;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How times, durations and parameters read on the pages. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Parameter names whose values are not shown even when the script does not declare them secret
     * (a script without a parameters record takes any name).
     */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|secret|token|key|credential|auth).*");

    static final String MASK = "••••••";

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return seconds < 3600 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60);
    }

    static String parameters(Map<String, String> parameters) {
        return parameters(parameters, Set.of());
    }

    /** The parameters as shown, secret ones (declared so, or named like one) masked. */
    static String parameters(Map<String, String> parameters, Set<String> declaredSecrets) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + (declaredSecrets.contains(e.getKey()) || isSecret(e.getKey()) ? MASK
                        : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static Set<String> secretNames(ParameterDeclarations declared) {
        return declared.list().stream().filter(ParameterDeclaration::secret).map(ParameterDeclaration::name)
                .collect(Collectors.toSet());
    }

    static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** The tail of a long text, saying how much was left out. */
    static String tail(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        return "[... " + String.format(Locale.ROOT, "%,d", text.length() - max) + " earlier characters not shown ...]\n"
                + text.substring(text.length() - max);
    }
}
