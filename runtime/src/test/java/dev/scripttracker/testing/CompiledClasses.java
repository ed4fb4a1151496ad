package dev.scripttracker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Classes compiled by the test with javac, into a directory of their own, and a class loader over it:
 * two versions of one class name, as two builds of an application would have.
 */
public final class CompiledClasses {

    private final Path directory;

    private CompiledClasses(Path directory) {
        this.directory = directory;
    }

    /**
     * Compiles {@code sources} (file name, e.g. {@code demo/Fix.java}, to its text) against the test's own
     * class path, with the extra javac {@code options}, e.g. {@code -g} or {@code -g:none}.
     */
    public static CompiledClasses compile(Map<String, String> sources, String... options) {
        try {
            Path root = Files.createTempDirectory("script-tracker-classes");
            Path src = Files.createDirectories(root.resolve("src"));
            Path out = Files.createDirectories(root.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of(options));
            arguments.addAll(List.of("-proc:none", "-d", out.toString(), "-cp", System.getProperty("java.class.path")));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int exit = javac.run(null, null, System.err, arguments.toArray(String[]::new));
            if (exit != 0) {
                throw new IllegalStateException("javac failed (exit " + exit + ") on " + sources.keySet());
            }
            return new CompiledClasses(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loader over these classes only, the test's classes (the runtime) as its parent. */
    public URLClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {directory.toUri().toURL()}, CompiledClasses.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return directory;
    }
}
