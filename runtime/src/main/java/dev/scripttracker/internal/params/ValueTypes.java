package dev.scripttracker.internal.params;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;

/** Which {@link ValueType} parses a declared Java type. */
final class ValueTypes {

    static final String SUPPORTED = "String, int, long, boolean (or their boxes), BigDecimal, LocalDate, Instant,"
            + " Duration, UUID, an enum, Path (a file), a List of these, or an Optional of any of them";

    private ValueTypes() {
    }

    /** @return null when script-tracker cannot parse the type */
    static ValueType of(Type type) {
        if (type instanceof Class<?> plain) {
            return single(plain);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            ValueType elementType = single(element);
            return elementType == null ? null : new ListType(elementType);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static ValueType single(Class<?> type) {
        if (type.isEnum()) {
            return new EnumType((Class<? extends Enum<?>>) type);
        }
        if (type == Path.class) {
            return FileType.INSTANCE;
        }
        return ScalarType.of(type);
    }
}
