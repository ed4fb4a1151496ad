package dev.scripttracker.console;

/**
 * Builds HTML in which every value is escaped: tag and attribute names are the code's own literals,
 * and whatever comes from the store (ids, output, errors, parameters) enters only through
 * {@link #text} or an attribute value, both escaped. There is no way to add unescaped text.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(4096);

    /** An opening tag; {@code attributes} are name, value pairs, a null value leaves the attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    Html text(Object value) {
        out.append(escape(value == null ? "" : String.valueOf(value)));
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An element without content, such as {@code input}. */
    Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    /** Appends a fragment built by another builder (already escaped). */
    Html append(Html fragment) {
        out.append(fragment.out);
        return this;
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                case '\0' -> escaped.append('\uFFFD');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
