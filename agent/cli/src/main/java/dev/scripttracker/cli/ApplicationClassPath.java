package dev.scripttracker.cli;

import dev.scripttracker.ConfigurationException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The application's classes, loaded beside the command line's own, which provides the script API. */
final class ApplicationClassPath {

    private ApplicationClassPath() {
    }

    static ClassLoader loader(String classPath) {
        ClassLoader own = ApplicationClassPath.class.getClassLoader();
        if (classPath == null || classPath.isBlank()) {
            return own;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.addAll(urlsOf(entry.trim()));
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), own);
    }

    private static List<URL> urlsOf(String entry) {
        try {
            if (entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 2));
                try (Stream<Path> jars = Files.list(dir)) {
                    List<URL> urls = new ArrayList<>();
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                    return urls;
                }
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new ConfigurationException("class path entry '" + entry + "' does not exist; pass the application's"
                        + " jars and class directories with --classpath (e.g. target/classes:target/lib/*)");
            }
            return List.of(path.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new ConfigurationException("class path entry '" + entry + "' is not a valid path: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigurationException("could not list the jars in '" + entry + "': " + e.getMessage());
        }
    }
}
