package dev.scripttracker.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** Another team's processor: in its first round it generates a base class that a script extends. */
final class BaseGeneratingProcessor extends AbstractProcessor {

    private boolean generated;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("com.acme.GenerateBase");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!generated && !annotations.isEmpty()) {
            generated = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile("com.acme.GeneratedBase").openWriter()) {
                writer.write("package com.acme;\n"
                        + "public abstract class GeneratedBase implements dev.scripttracker.Script {}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
