package dev.scripttracker.internal.params;

import dev.scripttracker.ParameterDeclaration;

/** One record component that declares a parameter, with the type that parses its text. */
record DeclaredParameter(ParameterDeclaration declaration, ValueType type, boolean optional, boolean primitive) {

    String name() {
        return declaration.name();
    }

    /** The component's value when no text is given: empty for an {@code Optional}, else null. */
    Object absent() {
        return optional ? java.util.Optional.empty() : null;
    }

    Object wrap(Object value) {
        return optional ? java.util.Optional.of(value) : value;
    }
}
