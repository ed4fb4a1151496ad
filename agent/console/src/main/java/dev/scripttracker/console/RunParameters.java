package dev.scripttracker.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The run form's parameters: one {@code NAME=VALUE} a line, as the command line's {@code --param}.
 * (Typed parameters, once scripts declare them, would give one field per declared parameter here.)
 */
final class RunParameters {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,127}");

    private RunParameters() {
    }

    /** The parameters, or throws {@link IllegalArgumentException} naming the bad line and the fix. */
    static Map<String, String> parse(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("parameter line " + (i + 1) + " (" + shown(name) + ") is not NAME=VALUE"
                        + " with a name of letters, digits, '.', '_' or '-' starting with a letter; write it as e.g."
                        + " tenant=acme");
            }
            if (parameters.put(name, line.substring(equals + 1).strip()) != null) {
                throw new IllegalArgumentException("parameter " + name + " is given twice (line " + (i + 1)
                        + "); keep one of them");
            }
        }
        return parameters;
    }

    private static String shown(String name) {
        String safe = Formats.isSecret(name) ? Formats.MASK : name;
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
