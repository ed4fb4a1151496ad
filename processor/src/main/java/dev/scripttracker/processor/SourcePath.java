package dev.scripttracker.processor;

import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Tells whether the source of a script of the previous build was deleted. Maven, when it recompiles
 * only the changed sources, keeps the class files of deleted ones, so a deleted or renamed script is
 * still there to read; its source is not. Maven gives javac a source path; whether the one given
 * shows sources at all is learnt from a class compiled now. Without one (Gradle, IDEs: they delete
 * the class files of deleted sources) every class file found counts.
 */
final class SourcePath {

    private final Filer filer;
    private final Elements elements;
    private TypeElement compiledNow;
    private Boolean usable;

    SourcePath(Filer filer, Elements elements) {
        this.filer = filer;
        this.elements = elements;
    }

    /** Remembers a class compiled now, whose source must be on the source path if that is any use. */
    void sawCompiled(TypeElement type) {
        if (compiledNow == null) {
            compiledNow = type;
        }
    }

    boolean sourceDeleted(TypeElement previousScript) {
        if (usable == null) {
            usable = compiledNow != null && hasSource(compiledNow);
        }
        return usable && !hasSource(previousScript);
    }

    private boolean hasSource(TypeElement type) {
        TypeElement topLevel = type;
        while (topLevel.getEnclosingElement() instanceof TypeElement outer) {
            topLevel = outer;
        }
        String packageName = elements.getPackageOf(topLevel).getQualifiedName().toString();
        try {
            filer.getResource(StandardLocation.SOURCE_PATH, packageName, topLevel.getSimpleName() + ".java");
            return true;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException notThere) {
            return false;
        }
    }
}
