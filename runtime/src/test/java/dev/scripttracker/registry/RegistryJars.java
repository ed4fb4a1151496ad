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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds jars that each hold one registry class and its service entry, as an application's modules would. */
final class RegistryJars {

    private static final String ISOLATED = "dev.scripttracker.registrytest.";

    private RegistryJars() {
    }

    static Path jarWith(Path dir, String jarName, Class<? extends ScriptRegistry> registry) throws IOException {
        Path jar = dir.resolve(jarName);
        String classFile = registry.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream bytes = registry.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            out.putNextEntry(new JarEntry("META-INF/services/" + ScriptRegistry.class.getName()));
            out.write((registry.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
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
