package dev.scripttracker.internal.params;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** The plain value types a parameter can have. */
enum ScalarType implements ValueType {
    STRING("String", "a text", text -> text),
    INT("Integer", "an int (whole number)", Integer::parseInt),
    LONG("Long", "a long (whole number)", Long::parseLong),
    BOOLEAN("Boolean", "a boolean (true or false)", ScalarType::trueOrFalse),
    DECIMAL("BigDecimal", "a decimal number (e.g. 12.50)", BigDecimal::new),
    DATE("LocalDate", "a date (yyyy-MM-dd, e.g. 2026-12-01)", LocalDate::parse),
    INSTANT("Instant", "an instant (ISO-8601 UTC, e.g. 2026-12-01T10:15:30Z)", Instant::parse),
    DURATION("Duration", "a duration (ISO-8601, e.g. PT30M or P1D)", Duration::parse),
    UUID_VALUE("UUID", "a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000)", UUID::fromString);

    private final String name;
    private final String expects;
    private final Function<String, Object> parser;

    ScalarType(String name, String expects, Function<String, Object> parser) {
        this.name = name;
        this.expects = expects;
        this.parser = parser;
    }

    /** The scalar type of a Java class, boxed or primitive; null when it is none of them. */
    static ScalarType of(Class<?> type) {
        if (type == String.class) {
            return STRING;
        } else if (type == int.class || type == Integer.class) {
            return INT;
        } else if (type == long.class || type == Long.class) {
            return LONG;
        } else if (type == boolean.class || type == Boolean.class) {
            return BOOLEAN;
        } else if (type == BigDecimal.class) {
            return DECIMAL;
        } else if (type == LocalDate.class) {
            return DATE;
        } else if (type == Instant.class) {
            return INSTANT;
        } else if (type == Duration.class) {
            return DURATION;
        } else if (type == UUID.class) {
            return UUID_VALUE;
        }
        return null;
    }

    @Override
    public String expects() {
        return expects;
    }

    @Override
    public Object parse(String text) {
        try {
            return parser.apply(this == STRING ? text : text.strip());
        } catch (RuntimeException notOfThisType) {
            throw new BadValue(null);
        }
    }

    private static Boolean trueOrFalse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    @Override
    public String typeName() {
        return name;
    }
}
