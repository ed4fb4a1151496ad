package dev.scripttracker.internal.registry;

import java.util.regex.Pattern;

/** The rule every script id follows. */
public final class ScriptIds {

    public static final String RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private static final Pattern PATTERN = Pattern.compile(RULE);

    private ScriptIds() {
    }

    /** The same rule as {@link #RULE}, without a regex: thousands of ids are checked at every start. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 128 || !isAsciiLetterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** For tests: the regex and the loop must agree. */
    static boolean matchesRule(String id) {
        return PATTERN.matcher(id).matches();
    }
}
