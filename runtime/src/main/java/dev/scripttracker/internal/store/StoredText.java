package dev.scripttracker.internal.store;

/**
 * Text as the store writes it: storable on every database and within its column. PostgreSQL refuses
 * a NUL character in any text, and no driver writes an unpaired UTF-16 surrogate faithfully (some
 * substitute {@code ?} silently, some fail), so both are replaced by visible stand-ins; text longer
 * than its column is cut with a marker instead of failing the write that records an outcome.
 */
public final class StoredText {

    /** U+2400 SYMBOL FOR NULL: shows where a NUL character was. */
    static final char NUL_STAND_IN = '\u2400';
    static final char BAD_SURROGATE_STAND_IN = '\uFFFD';
    static final String CUT = " [... cut ...]";

    private StoredText() {
    }

    /** Storable, keeping the start of the text when it is cut (messages, names). */
    public static String head(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        String clean = storable(text);
        if (clean.length() <= maxChars) {
            return clean;
        }
        int end = maxChars - CUT.length();
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + CUT;
    }

    /** Storable, keeping the end of the text when it is cut (captured output, whose tail matters most). */
    public static String tail(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        String clean = storable(text);
        if (clean.length() <= maxChars) {
            return clean;
        }
        String marker = "[... cut ...] ";
        int start = clean.length() - (maxChars - marker.length());
        if (Character.isLowSurrogate(clean.charAt(start))) {
            start++;
        }
        return marker + clean.substring(start);
    }

    /** The text with NUL characters and unpaired surrogates replaced; the same string when there are none. */
    static String storable(String text) {
        int first = firstUnstorable(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                out.append(NUL_STAND_IN);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(BAD_SURROGATE_STAND_IN);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
