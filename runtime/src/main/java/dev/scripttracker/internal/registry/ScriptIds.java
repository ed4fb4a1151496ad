package dev.scripttracker.internal.registry;

import java.util.regex.Pattern;

/** The rule every script id follows. */
public final class ScriptIds {

    public static final String RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private static final Pattern PATTERN = Pattern.compile(RULE);

    private ScriptIds() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
