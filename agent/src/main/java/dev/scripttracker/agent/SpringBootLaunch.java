package dev.scripttracker.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Recognises {@code java -jar app.jar} of a Spring Boot executable jar, whose classes live in nested
 * jars that only Spring's launcher can load: its {@code Start-Class} is the application's real main.
 */
final class SpringBootLaunch {

    private static final String LAUNCHER_PACKAGE = "org.springframework.boot.loader.";

    private SpringBootLaunch() {
    }

    /** The application's main class when this JVM was started with a Spring Boot executable jar. */
    static Optional<String> startClass() {
        String command = System.getProperty("sun.java.command", "");
        String first = command.split(" ", 2)[0];
        if (!first.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(first);
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.empty();
            }
            String main = manifest.getMainAttributes().getValue("Main-Class");
            String start = manifest.getMainAttributes().getValue("Start-Class");
            return main != null && main.startsWith(LAUNCHER_PACKAGE) ? Optional.ofNullable(start) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
