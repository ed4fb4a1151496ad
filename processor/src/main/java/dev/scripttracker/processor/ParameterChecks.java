package dev.scripttracker.processor;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The parameters record that {@code @TrackedScript(parameters = ...)} names: every component of a type the
 * runtime parses, names unique, defaults that parse, no default on a secret or a component written required.
 * Each error is on the component, its {@code @Param} and, where there is one, the offending value.
 */
final class ParameterChecks {

    static final String PARAM = "dev.scripttracker.Param";
    /** The runtime's rule (internal.params.DeclaredParameters). */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final Reporter reporter;

    ParameterChecks(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(TypeElement script, TrackedScriptAnnotation annotation) {
        AnnotationValue written = annotation.written("parameters");
        if (written == null || !(written.getValue() instanceof DeclaredType declared)
                || declared.getKind() == TypeKind.ERROR) {
            return;
        }
        TypeElement record = (TypeElement) declared.asElement();
        if (record.getKind() != ElementKind.RECORD) {
            return;
        }
        Map<String, RecordComponentElement> names = new HashMap<>();
        for (RecordComponentElement component : record.getRecordComponents()) {
            Param param = Param.on(component);
            String name = param.string("name").isEmpty() ? component.getSimpleName().toString() : param.string("name");
            String where = "parameter '" + name + "' of script " + script.getQualifiedName();
            if (!NAME.matcher(name).matches()) {
                error("badParameterName", where + " has a name that --param cannot pass; a name is letters, digits,"
                        + " '_', '.' and '-', starting with a letter or '_'", component, param, "name");
            }
            RecordComponentElement previous = names.putIfAbsent(name, component);
            if (previous != null) {
                error("duplicateParameter", where + " is declared twice (also by component " + previous.getSimpleName()
                        + " of " + record.getQualifiedName() + "); give one of them another @Param(name = ...)",
                        component, param, "name");
            }
            checkComponent(component, param, where);
        }
    }

    private void checkComponent(RecordComponentElement component, Param param, String where) {
        TypeMirror type = component.asType();
        ParameterTypes.Parser parser = ParameterTypes.of(type, false);
        if (parser == null) {
            error("unsupportedParameterType", where + " has type " + type + ", which script-tracker cannot parse"
                    + " from --param text; use " + ParameterTypes.SUPPORTED, component, param, null);
            return;
        }
        String defaultValue = param.string("defaultValue");
        boolean hasDefault = !defaultValue.isEmpty();
        if (hasDefault) {
            String why = parser.check(defaultValue);
            if (why != null) {
                error("badParameterDefault", where + " has the default \"" + defaultValue + "\", which is not " + why
                        + " (" + type + "); write a value the parameter would accept", component, param, "defaultValue");
            }
        }
        if (hasDefault && param.bool("secret")) {
            error("secretWithDefault", where + " is secret and has a default, which puts the secret in the code;"
                    + " remove the default and read it with env = \"VARIABLE\" or a prompt", component, param,
                    "defaultValue");
        }
        if (hasDefault && param.written("required") != null && param.bool("required")) {
            error("requiredWithDefault", where + " is required = true and has a default, which it would never use;"
                    + " remove one of them", component, param, "required");
        }
        if (!hasDefault && param.written("required") != null && !param.bool("required")
                && type.getKind().isPrimitive()) {
            error("optionalPrimitive", where + " is required = false but of primitive type " + type + ", which"
                    + " cannot be left out; give it a defaultValue, or use Optional or the boxed type", component,
                    param, "required");
        }
    }

    /**
     * javac gives a record component no source position, but the record's field for it has the component's
     * own; the {@code @Param} is not on the field, so the error is on the field alone (its line).
     */
    private void error(String rule, String message, RecordComponentElement component, Param param, String value) {
        javax.lang.model.element.Element field = javax.lang.model.util.ElementFilter.fieldsIn(
                component.getEnclosingElement().getEnclosedElements()).stream()
                .filter(f -> f.getSimpleName().equals(component.getSimpleName())).findFirst().orElse(null);
        if (field == null) {
            reporter.error(rule, message, component, param.mirror(), value == null ? null : param.written(value));
        } else {
            reporter.error(rule, message, field);
        }
    }

    /** The {@code @Param} on a component, read through its mirror; values at their defaults when absent. */
    private static final class Param {

        private final AnnotationMirror mirror;
        private final Map<String, AnnotationValue> written = new HashMap<>();

        private Param(AnnotationMirror mirror) {
            this.mirror = mirror;
            if (mirror != null) {
                mirror.getElementValues().forEach((element, v) -> written.put(element.getSimpleName().toString(), v));
            }
        }

        static Param on(RecordComponentElement component) {
            for (AnnotationMirror mirror : component.getAnnotationMirrors()) {
                if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(PARAM)) {
                    return new Param(mirror);
                }
            }
            return new Param(null);
        }

        AnnotationMirror mirror() {
            return mirror;
        }

        AnnotationValue written(String name) {
            return written.get(name);
        }

        String string(String name) {
            AnnotationValue value = written.get(name);
            return value == null ? "" : String.valueOf(value.getValue());
        }

        /** Written, or else the annotation's default ({@code required}: true, {@code secret}: false). */
        boolean bool(String name) {
            AnnotationValue value = written.get(name);
            if (value != null) {
                return (Boolean) value.getValue();
            }
            if (mirror != null) {
                for (ExecutableElement element : javax.lang.model.util.ElementFilter.methodsIn(
                        mirror.getAnnotationType().asElement().getEnclosedElements())) {
                    if (element.getSimpleName().contentEquals(name) && element.getDefaultValue() != null) {
                        return (Boolean) element.getDefaultValue().getValue();
                    }
                }
            }
            return name.equals("required");
        }
    }
}
