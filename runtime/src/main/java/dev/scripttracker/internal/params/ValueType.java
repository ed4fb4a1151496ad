package dev.scripttracker.internal.params;

/** How the text of one parameter becomes its value, and how to say what it expects. */
interface ValueType {

    /** The type as a script author writes it, e.g. {@code int}, {@code List<LocalDate>}. */
    String typeName();

    /** What a value must look like, e.g. {@code an int (whole number)}. */
    String expects();

    /** @throws BadValue when the text is not a value of this type */
    Object parse(String text);

    /** The text is not a value of the type; the message says why, when more than "wrong type" is to say. */
    final class BadValue extends RuntimeException {

        BadValue(String why) {
            super(why, null, false, false);
        }
    }
}
