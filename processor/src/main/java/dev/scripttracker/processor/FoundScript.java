package dev.scripttracker.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * A valid script, for the rules that involve several scripts. Where it was written is looked up
 * again only when an error must point at it: a TypeElement is not stable across rounds.
 */
final class FoundScript {

    private final String qualifiedName;
    private final ScriptModel model;
    private final Elements elements;
    private final TrackedScriptAnnotation.Defaults defaults;
    private TypeElement element;
    private TrackedScriptAnnotation annotation;

    FoundScript(String qualifiedName, ScriptModel model, Elements elements, TrackedScriptAnnotation.Defaults defaults) {
        this.qualifiedName = qualifiedName;
        this.model = model;
        this.elements = elements;
        this.defaults = defaults;
    }

    ScriptModel model() {
        return model;
    }

    String id() {
        return model.id();
    }

    String className() {
        return model.className();
    }

    TypeElement element() {
        if (element == null) {
            element = elements.getTypeElement(qualifiedName);
        }
        return element;
    }

    TrackedScriptAnnotation annotation() {
        if (annotation == null) {
            annotation = TrackedScriptAnnotation.on(element(), defaults);
        }
        return annotation;
    }
}
