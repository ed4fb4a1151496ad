package dev.scripttracker.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Ids and class names made from a script's description. */
final class ScriptNames {

    /** Room for the 15 characters of "yyyyMMddHHmmss_" within the 128 an id may have. */
    private static final int MAX_SUFFIX = 100;
    private static final int MAX_CLASS_NAME = 60;

    private ScriptNames() {
    }

    static List<String> words(String description) {
        return Arrays.stream(description.split("[^\\p{Alnum}]+")).filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
    }

    static String snakeCase(String description) {
        String snake = String.join("_", asciiWords(description));
        return snake.length() <= MAX_SUFFIX ? snake : snake.substring(0, MAX_SUFFIX).replaceAll("_+$", "");
    }

    static String upperCamelCase(String description) {
        String camel = asciiWords(description).stream()
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
        if (camel.isEmpty() || !Character.isJavaIdentifierStart(camel.charAt(0))) {
            camel = "Script" + camel;
        }
        return camel.length() <= MAX_CLASS_NAME ? camel : camel.substring(0, MAX_CLASS_NAME);
    }

    /** Ids allow only ASCII letters and digits; other letters are dropped. */
    private static List<String> asciiWords(String description) {
        List<String> words = words(description).stream().map(w -> w.replaceAll("[^a-z0-9]", ""))
                .filter(w -> !w.isEmpty()).toList();
        return words.isEmpty() ? List.of("script") : words;
    }
}
