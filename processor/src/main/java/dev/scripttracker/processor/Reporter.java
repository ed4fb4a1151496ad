package dev.scripttracker.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports a broken rule as a compile error on the element, the annotation and, where there is one,
 * the offending value, so an IDE underlines the exact spot. Every message starts with a stable tag.
 */
final class Reporter {

    private final Messager messager;
    private int errors;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    void error(String rule, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        errors++;
        String text = "[TrackedScript." + rule + "] " + message;
        if (mirror == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element);
        } else if (value == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element, mirror);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element, mirror, value);
        }
    }

    void error(String rule, String message, Element element) {
        error(rule, message, element, null, null);
    }

    /** For an error printed through another channel (javac's tree API). */
    void countError() {
        errors++;
    }

    int errorCount() {
        return errors;
    }
}
