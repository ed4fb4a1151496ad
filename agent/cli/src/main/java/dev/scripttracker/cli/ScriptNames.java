package dev.scripttracker.cli;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ids and class names made from a script's description. Ids allow only ASCII letters, digits, '.',
 * '_' and '-', so accented letters lose their accents ({@code über} gives {@code uber}) and letters
 * with no Latin spelling are left out; class names use the same words, so that file names stay
 * portable and match the id.
 */
final class ScriptNames {

    /** Room for the 15 characters of "yyyyMMddHHmmss_" within the 128 an id may have. */
    private static final int MAX_SUFFIX = 100;
    private static final int MAX_CLASS_NAME = 60;
    /** Latin letters that Unicode does not decompose into a base letter and a mark. */
    private static final Map<String, String> UNDECOMPOSED = Map.of("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o",
            "đ", "d", "ł", "l", "þ", "th", "ð", "d", "ı", "i");

    private ScriptNames() {
    }

    /** The description's words in lower-case ASCII; empty when it has no Latin letters or digits. */
    static List<String> words(String description) {
        return Arrays.stream(description.split("[^\\p{L}\\p{M}\\p{Nd}]+")).map(ScriptNames::ascii)
                .filter(w -> !w.isEmpty()).collect(Collectors.toList());
    }

    static String snakeCase(String description) {
        String snake = String.join("_", words(description));
        return snake.length() <= MAX_SUFFIX ? snake : snake.substring(0, MAX_SUFFIX).replaceAll("_+$", "");
    }

    static String upperCamelCase(String description) {
        String camel = words(description).stream()
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
        if (camel.isEmpty() || !Character.isJavaIdentifierStart(camel.charAt(0))) {
            camel = "Script" + camel;
        }
        return camel.length() <= MAX_CLASS_NAME ? camel : camel.substring(0, MAX_CLASS_NAME);
    }

    /** {@code Naïve} gives {@code naive}, {@code Straße} {@code strasse}, {@code 日本} nothing. */
    private static String ascii(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : UNDECOMPOSED.entrySet()) {
            lower = lower.replace(letter.getKey(), letter.getValue());
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replaceAll("[^a-z0-9]", "");
    }
}
