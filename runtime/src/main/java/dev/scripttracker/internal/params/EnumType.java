package dev.scripttracker.internal.params;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum parameter: one of its constants, by name. */
record EnumType(Class<? extends Enum<?>> type) implements ValueType {

    @Override
    public String typeName() {
        return type.getSimpleName();
    }

    @Override
    public String expects() {
        return "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                + " (" + type.getSimpleName() + ")";
    }

    @Override
    public Object parse(String text) {
        String name = text.strip();
        for (Enum<?> constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new BadValue(null);
    }
}
