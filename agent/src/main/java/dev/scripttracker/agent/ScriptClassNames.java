package dev.scripttracker.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The script classes each class loader can see, from the lists the processor writes
 * ({@code META-INF/script-tracker/script-classes.txt}): plain text, so no class is loaded to know.
 */
final class ScriptClassNames {

    static final String LIST = "META-INF/script-tracker/script-classes.txt";

    private final Map<ClassLoader, Set<String>> byLoader = Collections.synchronizedMap(new WeakHashMap<>());
    private final ThreadLocal<Boolean> reading = new ThreadLocal<>();

    /** Whether {@code internalName} ({@code com/acme/Fix$Inner}) is a script class of {@code loader}. */
    boolean isScript(ClassLoader loader, String internalName) {
        Set<String> names = byLoader.get(loader);
        if (names == null) {
            if (reading.get() != null) {
                return false;
            }
            reading.set(Boolean.TRUE);
            try {
                names = read(loader);
                byLoader.put(loader, names);
            } finally {
                reading.remove();
            }
        }
        return !names.isEmpty() && names.contains(internalName.replace('/', '.').replace('$', '.'));
    }

    private static Set<String> read(ClassLoader loader) {
        Set<String> names = new HashSet<>();
        try {
            for (URL list : Collections.list(loader.getResources(LIST))) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.openStream(),
                        StandardCharsets.UTF_8))) {
                    reader.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(names::add);
                }
            }
        } catch (IOException e) {
            System.err.println("[script-tracker] could not read " + LIST + " from " + loader + ": " + e);
        }
        return names;
    }
}
