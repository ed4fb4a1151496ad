package dev.scripttracker.internal.registry;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.TrackedScript;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads a {@link ScriptDefinition} from a class's {@link TrackedScript} annotation by reflection. */
public final class AnnotatedScripts {

    private AnnotatedScripts() {
    }

    public static ScriptDefinition definitionOf(Class<?> type) {
        TrackedScript annotation = type.getAnnotation(TrackedScript.class);
        if (annotation == null) {
            throw new ConfigurationException(type.getName() + " is not annotated with @TrackedScript;"
                    + " annotate it with @TrackedScript(id = \"yyyyMMddHHmmss_what_it_does\")");
        }
        String where = "@TrackedScript on " + type.getName();
        if (!ScriptIds.isValid(annotation.id())) {
            throw new ConfigurationException(where + " has id '" + annotation.id()
                    + "', which does not match " + ScriptIds.RULE
                    + "; use letters, digits, '.', '_' and '-', e.g. 20261124153000_fix_users");
        }
        return new ScriptDefinition(annotation.id(), type.getName(), annotation.description(),
                parseTimeout(annotation.timeout(), where), annotation.transaction(),
                List.of(annotation.after()), entryPointOf(type));
    }

    public static Duration parseTimeout(String text, String where) {
        try {
            Duration timeout = Duration.parse(text);
            if (!timeout.isNegative()) {
                return timeout;
            }
        } catch (DateTimeParseException e) {
            // reported below with the fix
        }
        throw new ConfigurationException(where + " has timeout '" + text
                + "', which is not a non-negative ISO-8601 duration; write e.g. \"PT30M\" or \"PT2H\","
                + " or \"PT0S\" for no timeout");
    }

    static EntryPoint entryPointOf(Class<?> type) {
        List<EntryPoint> found = EntryPoint.of(type);
        if (found.size() != 1) {
            throw new ConfigurationException(type.getName() + " has " + (found.isEmpty() ? "no" : found.size())
                    + " entry points" + (found.isEmpty() ? "" : " " + found)
                    + "; a tracked script needs exactly one: implement dev.scripttracker.Script,"
                    + " or declare public static void main(String[]), or implement Runnable, Callable"
                    + " or CommandLineRunner");
        }
        return found.get(0);
    }
}
