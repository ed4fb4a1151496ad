package dev.scripttracker.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * The {@code @TrackedScript} on one class, read through the annotation mirror (the processor does
 * not depend on the runtime), with the explicitly written values kept for error locations.
 */
final class TrackedScriptAnnotation {

    static final String NAME = "dev.scripttracker.TrackedScript";

    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> written;

    private TrackedScriptAnnotation(AnnotationMirror mirror, Elements elements) {
        this.mirror = mirror;
        this.withDefaults = elements.getElementValuesWithDefaults(mirror);
        this.written = mirror.getElementValues();
    }

    static TrackedScriptAnnotation on(Element element, Elements elements) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(NAME)) {
                return new TrackedScriptAnnotation(mirror, elements);
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
        return find(written, name);
    }

    private AnnotationValue valueWithDefault(String name) {
        return find(withDefaults, name);
    }

    private static AnnotationValue find(Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
