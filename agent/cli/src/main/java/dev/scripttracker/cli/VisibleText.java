package dev.scripttracker.cli;

/**
 * Text from the database or from a script, made safe to print in a table line: control characters
 * (newlines, carriage returns, ANSI escape sequences, other C0 and C1 codes) and the bidirectional
 * overrides that reorder what a terminal shows are written as escapes, so a stored value can neither
 * break the table nor rewrite the screen, and what is there stays visible. Backslashes are left as
 * they are (paths and patterns stay readable); {@code status --json} has the exact text.
 */
final class VisibleText {

    private VisibleText() {
    }

    /** The text with its invisible characters escaped; {@code -} for none. */
    static String of(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> visible.append("\\n");
                case '\r' -> visible.append("\\r");
                case '\t' -> visible.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || isBidiControl(c)) {
                        visible.append(String.format("\\u%04x", c));
                    } else {
                        visible.appendCodePoint(c);
                    }
                }
            }
        });
        return visible.toString();
    }

    /** The text escaped, then cut to {@code max} characters with {@code ...} where it was cut. */
    static String of(String text, int max) {
        String visible = of(text);
        return visible.length() <= max ? visible : visible.substring(0, max - 3) + "...";
    }

    private static boolean isBidiControl(int c) {
        return c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                || c == 0x061c;
    }
}
