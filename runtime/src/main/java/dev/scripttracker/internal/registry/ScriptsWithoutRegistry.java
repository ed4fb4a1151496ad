package dev.scripttracker.internal.registry;

import dev.scripttracker.TrackedScript;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks for a class annotated {@link TrackedScript} in the class path entries (directories and
 * jars) of a class loader, for when no registry was found: then the annotation processor did not
 * run, and nothing would run without a word. Reads class files as bytes, loads nothing, stops at
 * the first one found and after {@link #MAX_CLASS_FILES}, so an application with no scripts at all
 * pays a bounded price; the application's own classes usually come first on the class path.
 */
public final class ScriptsWithoutRegistry {

    /** The first one found: its binary name and the class path entry holding it. */
    public record Found(String className, String location) {
    }

    static final int MAX_CLASS_FILES = 10_000;
    private static final byte[] ANNOTATION = constantPoolEntry("L" + TrackedScript.class.getName().replace('.', '/') + ";");

    private int budget = MAX_CLASS_FILES;

    private ScriptsWithoutRegistry() {
    }

    public static Optional<Found> firstIn(ClassLoader loader) {
        ScriptsWithoutRegistry search = new ScriptsWithoutRegistry();
        Path own = ownLocation();
        for (Path entry : classPathOf(loader)) {
            if (search.budget <= 0) {
                break;
            }
            if (!entry.equals(own)) {
                Optional<String> found = search.in(entry);
                if (found.isPresent()) {
                    return Optional.of(new Found(found.get(), entry.toString()));
                }
            }
        }
        return Optional.empty();
    }

    /** What to tell the people starting the application, when a script is found. */
    public static Optional<String> warningFor(ClassLoader loader) {
        return firstIn(loader).map(found -> "no script-tracker registry is on the class path, yet " + found.className()
                + " (in " + found.location() + ") is annotated @TrackedScript: the annotation processor did not run"
                + " when it was compiled, so no script will run. Name dev.scripttracker:script-tracker-processor in"
                + " maven-compiler-plugin's annotationProcessorPaths with the plugin at version 3.5 or later (Maven"
                + " 3.8's default 3.1 ignores them; the README pins 3.14.0), or in Gradle's annotationProcessor"
                + " configuration, and rebuild.");
    }

    /** The exact constant-pool entry of the annotation's descriptor: tag 1 (UTF-8), its length, its bytes. */
    private static byte[] constantPoolEntry(String descriptor) {
        byte[] text = descriptor.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[text.length + 3];
        entry[0] = 1;
        entry[1] = (byte) (text.length >> 8);
        entry[2] = (byte) text.length;
        System.arraycopy(text, 0, entry, 3, text.length);
        return entry;
    }

    private static Set<Path> classPathOf(ClassLoader loader) {
        Set<Path> entries = new LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    toPath(url).ifPresent(entries::add);
                }
            } else if (l == ClassLoader.getSystemClassLoader()) {
                for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(Path.of(entry).toAbsolutePath().normalize());
                    }
                }
            }
        }
        return entries;
    }

    private static Optional<Path> toPath(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Optional.of(Path.of(url.toURI()).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Where script-tracker itself is (the runtime's jar, or the command line's), which has no scripts. */
    private static Path ownLocation() {
        try {
            return Path.of(TrackedScript.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private Optional<String> in(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                return inDirectory(entry);
            }
            return Files.isRegularFile(entry) ? inJar(entry) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<String> inDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            Iterator<Path> classes = files.filter(f -> f.toString().endsWith(".class")).iterator();
            while (classes.hasNext() && budget-- > 0) {
                Path file = classes.next();
                if (isAnnotated(Files.readAllBytes(file))) {
                    return Optional.of(binaryName(directory.relativize(file).toString().replace(File.separatorChar, '/')));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> inJar(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements() && budget > 0) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class")) {
                    budget--;
                    try (InputStream in = zip.getInputStream(entry)) {
                        if (isAnnotated(in.readAllBytes())) {
                            return Optional.of(binaryName(entry.getName().replaceFirst("^BOOT-INF/classes/", "")));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }

    static boolean isAnnotated(byte[] classFile) {
        outer:
        for (int i = 0; i <= classFile.length - ANNOTATION.length; i++) {
            for (int j = 0; j < ANNOTATION.length; j++) {
                if (classFile[i + j] != ANNOTATION[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
