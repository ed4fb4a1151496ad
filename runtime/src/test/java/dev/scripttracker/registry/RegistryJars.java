package dev.scripttracker.registry;

import dev.scripttracker.ScriptRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds jars that each hold a registry, as an application's modules would. */
final class RegistryJars {

    static final String HEADER = "# script-tracker registry 1\n";
    private static final String ISOLATED = "dev.scripttracker.registrytest.";

    private RegistryJars() {
    }

    /** A line of a registry data file: id, class, description, default timeout and mode, no after, entry point. */
    static String line(String id, String className, String description, String entryPoint) {
        return id + "\t" + className + "\t" + description + "\t300\t0\tSCRIPT\t\t" + entryPoint + "\n";
    }

    /** A jar as the processor's resources make it: the index and the data files it names. */
    static Path jarWith(Path dir, String jarName, String index, Map<String, String> dataFiles) throws IOException {
        Path jar = dir.resolve(jarName);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            put(out, "META-INF/script-tracker/index.txt", index);
            for (Map.Entry<String, String> data : dataFiles.entrySet()) {
                put(out, "META-INF/script-tracker/" + data.getKey(), data.getValue());
            }
        }
        return jar;
    }

    /** A jar with one registry data file, {@code com.acme.0000beef.scripts}. */
    static Path jarWith(Path dir, String jarName, String... lines) throws IOException {
        return jarWith(dir, jarName, "com.acme.0000beef.scripts\n",
                Map.of("com.acme.0000beef.scripts", HEADER + String.join("", lines)));
    }

    /** A jar as processors before 0.1.0 made it: a registry class and its service entry. */
    @SuppressWarnings("deprecation")
    static Path jarWithRegistryClass(Path dir, String jarName, Class<? extends ScriptRegistry> registry)
            throws IOException {
        Path jar = dir.resolve(jarName);
        String classFile = registry.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream bytes = registry.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            put(out, "META-INF/services/" + ScriptRegistry.class.getName(), registry.getName() + "\n");
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Loads the registry classes from the jars, not from the test class path, so their jars are known. */
    static ClassLoader loaderOf(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, RegistryJars.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    if (!name.startsWith(ISOLATED)) {
                        return super.loadClass(name, resolve);
                    }
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
            }
        };
    }
}
