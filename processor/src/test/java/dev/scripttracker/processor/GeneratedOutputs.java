package dev.scripttracker.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/** Writes a compilation's class output to a directory and loads it, as a jar on the class path would be. */
final class GeneratedOutputs {

    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    private GeneratedOutputs() {
    }

    static ClassLoader loaderOf(Compilation compilation, Path dir) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            String uri = file.toUri().toString();
            int at = uri.indexOf(CLASS_OUTPUT);
            if (at < 0) {
                continue;
            }
            Path target = dir.resolve(uri.substring(at + CLASS_OUTPUT.length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.copy(in, target);
            }
        }
        return new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, GeneratedOutputs.class.getClassLoader());
    }
}
