package dev.scripttracker.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * The {@code @TrackedScript} on one class, read through the annotation mirror (the processor does
 * not depend on the runtime), with the explicitly written values kept for error locations.
 */
final class TrackedScriptAnnotation {

    static final String NAME = "dev.scripttracker.TrackedScript";

    private final AnnotationMirror mirror;
    private final Map<String, AnnotationValue> written;
    private final Defaults defaults;

    private TrackedScriptAnnotation(AnnotationMirror mirror, Defaults defaults) {
        this.mirror = mirror;
        this.written = byName(mirror.getElementValues());
        this.defaults = defaults;
    }

    static TrackedScriptAnnotation on(Element element, Defaults defaults) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(NAME)) {
                return new TrackedScriptAnnotation(mirror, defaults);
            }
        }
        return null;
    }

    AnnotationMirror mirror() {
        return mirror;
    }

    String string(String name) {
        AnnotationValue value = valueWithDefault(name);
        return value == null ? "" : String.valueOf(value.getValue());
    }

    String enumConstant(String name) {
        AnnotationValue value = valueWithDefault(name);
        return value == null ? "" : ((VariableElement) value.getValue()).getSimpleName().toString();
    }

    List<String> strings(String name) {
        AnnotationValue value = valueWithDefault(name);
        if (value == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<? extends AnnotationValue> items = (List<? extends AnnotationValue>) value.getValue();
        return items.stream().map(item -> String.valueOf(item.getValue())).toList();
    }

    /** The value as written in the source, for pointing at it; null when the default applies. */
    AnnotationValue written(String name) {
        return written.get(name);
    }

    private AnnotationValue valueWithDefault(String name) {
        AnnotationValue value = written.get(name);
        return value != null ? value : defaults.of(name, mirror);
    }

    private static Map<String, AnnotationValue> byName(Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
        Map<String, AnnotationValue> byName = new HashMap<>();
        values.forEach((element, value) -> byName.put(element.getSimpleName().toString(), value));
        return byName;
    }

    /** The annotation's default values, read from its declaration once for many classes. */
    static final class Defaults {

        private Map<String, AnnotationValue> values;

        AnnotationValue of(String name, AnnotationMirror mirror) {
            if (values == null) {
                values = new HashMap<>();
                for (ExecutableElement element : ElementFilter.methodsIn(mirror.getAnnotationType().asElement()
                        .getEnclosedElements())) {
                    if (element.getDefaultValue() != null) {
                        values.put(element.getSimpleName().toString(), element.getDefaultValue());
                    }
                }
            }
            return values.get(name);
        }
    }
}
