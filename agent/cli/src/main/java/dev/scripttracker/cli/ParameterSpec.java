package dev.scripttracker.cli;

import dev.scripttracker.ConfigurationException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/** One {@code create --param NAME:TYPE[=DEFAULT]}: a component of the new script's parameters record. */
record ParameterSpec(String name, String type, Optional<String> defaultValue) {

    /** The plain types a parameter can have, with the import each needs (none for java.lang). */
    static final Map<String, String> TYPES = Map.ofEntries(Map.entry("String", ""), Map.entry("int", ""),
            Map.entry("long", ""), Map.entry("boolean", ""), Map.entry("Integer", ""), Map.entry("Long", ""),
            Map.entry("Boolean", ""), Map.entry("BigDecimal", "java.math.BigDecimal"),
            Map.entry("LocalDate", "java.time.LocalDate"), Map.entry("Instant", "java.time.Instant"),
            Map.entry("Duration", "java.time.Duration"), Map.entry("UUID", "java.util.UUID"),
            Map.entry("Path", "java.nio.file.Path"));
    private static final Pattern SPEC = Pattern.compile("([^:=]+):([^=]+)(?:=(.*))?", Pattern.DOTALL);
    private static final Pattern WRAPPED = Pattern.compile("(List|Optional)<(.+)>");

    static ParameterSpec parse(String text) {
        Matcher spec = SPEC.matcher(text);
        if (!spec.matches()) {
            throw usage("--param " + text + " is not NAME:TYPE or NAME:TYPE=DEFAULT");
        }
        String name = spec.group(1).strip();
        String type = spec.group(2).replace(" ", "");
        if (!SourceVersion.isName(name)) {
            throw usage("--param " + text + ": '" + name + "' is not a Java identifier, which a record component name"
                    + " must be");
        }
        if (!supported(type)) {
            throw usage("--param " + text + ": type '" + type + "' is not one a parameter can have");
        }
        return new ParameterSpec(name, type, Optional.ofNullable(spec.group(3)));
    }

    private static boolean supported(String type) {
        Matcher wrapped = WRAPPED.matcher(type);
        if (wrapped.matches()) {
            String element = wrapped.group(2);
            return wrapped.group(1).equals("Optional") ? supported(element) : TYPES.containsKey(element)
                    && !element.equals(element.toLowerCase(java.util.Locale.ROOT));
        }
        return TYPES.containsKey(type);
    }

    /** The imports the type needs. */
    java.util.stream.Stream<String> imports() {
        return Pattern.compile("[A-Za-z]+").matcher(type).results().map(m -> m.group())
                .map(word -> word.equals("List") ? "java.util.List" : word.equals("Optional") ? "java.util.Optional"
                        : TYPES.getOrDefault(word, ""))
                .filter(i -> !i.isEmpty());
    }

    private static ConfigurationException usage(String what) {
        return new ConfigurationException(what + ". Write e.g. --param tenant:String --param limit:int=100 --param"
                + " from:Optional<LocalDate>; types: " + String.join(", ", new java.util.TreeSet<>(TYPES.keySet()))
                + ", List<T> of a boxed one, Optional<T>; an enum: declare it as String and change the type after");
    }
}
