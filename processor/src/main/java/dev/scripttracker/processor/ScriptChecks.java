package dev.scripttracker.processor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Checks one annotated class against every per-class rule; the valid ones become registry entries. */
final class ScriptChecks {

    static final String ID_RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    /** The store's {@code description} column; the runtime refuses longer ones at start-up, too late. */
    static final int DESCRIPTION_LIMIT = 1000;
    private static final Pattern ID = Pattern.compile(ID_RULE);

    private final Reporter reporter;
    private final ClassShapeRules shapes;
    private final EntryPoints entryPoints;
    private final ParameterChecks parameters;
    private final Elements elements;

    ScriptChecks(Reporter reporter, EntryPoints entryPoints, Elements elements) {
        this.reporter = reporter;
        this.elements = elements;
        this.shapes = new ClassShapeRules(reporter);
        this.entryPoints = entryPoints;
        this.parameters = new ParameterChecks(reporter);
    }

    Optional<ScriptModel> check(TypeElement type, TrackedScriptAnnotation annotation, Supertypes supertypes) {
        if (!shapes.check(type, annotation)) {
            return Optional.empty();
        }
        int errorsBefore = reporter.errorCount();
        String id = checkId(type, annotation);
        Duration timeout = checkTimeout(type, annotation);
        checkDescription(type, annotation);
        List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements());
        List<String> found = entryPoints.of(type, methods, supertypes);
        String name = type.getQualifiedName().toString();
        if (found.isEmpty()) {
            reporter.error("noEntryPoint", "script " + name + " has no entry point; implement dev.scripttracker.Script"
                    + " (run(ScriptContext)), or declare public static void main(String[]), or implement Runnable,"
                    + " Callable or Spring Boot's CommandLineRunner", type, annotation.mirror(), null);
        } else if (found.size() > 1) {
            reporter.error("severalEntryPoints", "script " + name + " has " + found.size() + " entry points " + found
                    + " and the runtime would not know which to call; keep exactly one", type, annotation.mirror(), null);
        } else if (!EntryPoints.declaresItself(methods, found.get(0))) {
            reporter.error("inheritedEntryPoint", "script " + name + " inherits its " + found.get(0).toLowerCase(
                    java.util.Locale.ROOT) + " entry point from a superclass, so the agent could not track calls to it;"
                    + " declare the method in " + type.getSimpleName() + " (it may just call super)", type,
                    annotation.mirror(), null);
        } else if (!found.get(0).equals("MAIN") && !found.get(0).equals("COMMAND_LINE_RUNNER")
                && !ContainerManaged.is(type)) {
            // A CommandLineRunner, like any bean, is created (and injected) by the application, not by us.
            shapes.checkConstructor(type, annotation);
        }
        shapes.checkRollback(type, methods);
        parameters.check(type, annotation);
        if (reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ScriptModel(elements.getBinaryName(type).toString(),
                elements.getPackageOf(type).getQualifiedName().toString(), id, annotation.string("description"), timeout,
                annotation.enumConstant("transaction"), annotation.strings("after"), found.get(0)));
    }

    private String checkId(TypeElement type, TrackedScriptAnnotation annotation) {
        String id = annotation.string("id");
        if (id.isEmpty()) {
            reporter.error("emptyId", "script " + type.getQualifiedName() + " has an empty id; give it a unique one,"
                    + " conventionally yyyyMMddHHmmss_what_it_does", type, annotation.mirror(), annotation.written("id"));
        } else if (!ID.matcher(id).matches()) {
            reporter.error("badId", "id \"" + id + "\" of script " + type.getQualifiedName() + " does not match "
                    + ID_RULE + "; use letters, digits, '.', '_' and '-' (at most 128), e.g. 20261124153000_fix_users",
                    type, annotation.mirror(), annotation.written("id"));
        }
        return id;
    }

    private void checkDescription(TypeElement type, TrackedScriptAnnotation annotation) {
        int length = annotation.string("description").length();
        if (length > DESCRIPTION_LIMIT) {
            reporter.error("descriptionTooLong", "description of script " + type.getQualifiedName() + " is " + length
                    + " characters long, but the store keeps at most " + DESCRIPTION_LIMIT + "; shorten it (the"
                    + " details belong in the class's Javadoc or the script's log)", type, annotation.mirror(),
                    annotation.written("description"));
        }
    }

    private Duration checkTimeout(TypeElement type, TrackedScriptAnnotation annotation) {
        String text = annotation.string("timeout");
        try {
            Duration timeout = Duration.parse(text);
            if (!timeout.isNegative()) {
                return timeout;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        reporter.error("badTimeout", "timeout \"" + text + "\" of script " + type.getQualifiedName()
                + " is not a non-negative ISO-8601 duration; write e.g. \"PT30M\" or \"PT2H\", or \"PT0S\" for none",
                type, annotation.mirror(), annotation.written("timeout"));
        return Duration.ZERO;
    }
}
