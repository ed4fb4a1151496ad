package dev.scripttracker.processor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The types a parameter may have and how their defaults parse: a copy of the runtime's
 * {@code internal.params.ValueTypes}, since the processor runs without the runtime on its path.
 */
final class ParameterTypes {

    static final String SUPPORTED = "String, int, long, boolean (or their boxes), BigDecimal, LocalDate, Instant,"
            + " Duration, UUID, an enum, Path (a file), a List of these, or an Optional of any of them";

    private static final Map<String, Consumer<String>> PARSERS = Map.ofEntries(
            Map.entry("java.lang.String", text -> { }),
            Map.entry("int", text -> Integer.parseInt(text.strip())),
            Map.entry("java.lang.Integer", text -> Integer.parseInt(text.strip())),
            Map.entry("long", text -> Long.parseLong(text.strip())),
            Map.entry("java.lang.Long", text -> Long.parseLong(text.strip())),
            Map.entry("boolean", ParameterTypes::trueOrFalse),
            Map.entry("java.lang.Boolean", ParameterTypes::trueOrFalse),
            Map.entry("java.math.BigDecimal", text -> new BigDecimal(text.strip())),
            Map.entry("java.time.LocalDate", text -> LocalDate.parse(text.strip())),
            Map.entry("java.time.Instant", text -> Instant.parse(text.strip())),
            Map.entry("java.time.Duration", text -> Duration.parse(text.strip())),
            Map.entry("java.util.UUID", text -> UUID.fromString(text.strip())),
            Map.entry("java.nio.file.Path", text -> { }));

    /** How a declared type's default is checked; null when a parameter cannot have the type. */
    interface Parser {
        /** @return why the text is not a value of the type; null when it is one */
        String check(String text);
    }

    private ParameterTypes() {
    }

    /** @param top false inside a List or Optional, where only single values (or, in an Optional, a List) go */
    static Parser of(TypeMirror type, boolean inList) {
        if (type.getKind().isPrimitive()) {
            return inList ? null : plain(type.toString());
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        if (element.getKind() == ElementKind.ENUM) {
            List<String> constants = element.getEnclosedElements().stream()
                    .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).map(Element::getSimpleName)
                    .map(Object::toString).toList();
            return text -> constants.contains(text.strip()) ? null : "one of " + String.join(", ", constants);
        }
        if (!inList && (name.equals("java.util.List") || name.equals("java.util.Optional"))
                && declared.getTypeArguments().size() == 1) {
            TypeMirror argument = declared.getTypeArguments().get(0);
            if (name.equals("java.util.Optional")) {
                return isOptional(argument) ? null : of(argument, false);
            }
            Parser element1 = of(argument, true);
            return element1 == null ? null : text -> text.isBlank() ? null : split(text).stream()
                    .map(element1::check).filter(why -> why != null).findFirst().orElse(null);
        }
        return plain(name);
    }

    private static boolean isOptional(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName().contentEquals("java.util.Optional");
    }

    private static Parser plain(String name) {
        Consumer<String> parser = PARSERS.get(name);
        if (parser == null) {
            return null;
        }
        return text -> {
            try {
                parser.accept(text);
                return null;
            } catch (RuntimeException e) {
                return "a " + name.substring(name.lastIndexOf('.') + 1);
            }
        };
    }

    private static void trueOrFalse(String text) {
        if (!text.strip().equalsIgnoreCase("true") && !text.strip().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(text);
        }
    }

    /** The runtime's list syntax: commas separate, {@code \,} is a comma and {@code \\} a backslash. */
    private static List<String> split(String text) {
        List<String> items = new java.util.ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '\\')) {
                item.append(text.charAt(++i));
            } else if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        return items;
    }
}
