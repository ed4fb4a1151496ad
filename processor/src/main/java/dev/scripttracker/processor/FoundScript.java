package dev.scripttracker.processor;

import javax.lang.model.element.TypeElement;

/** A valid script with where it was written, for errors that involve several scripts. */
record FoundScript(TypeElement element, TrackedScriptAnnotation annotation, ScriptModel model) {

    String id() {
        return model.id();
    }

    String className() {
        return model.className();
    }
}
