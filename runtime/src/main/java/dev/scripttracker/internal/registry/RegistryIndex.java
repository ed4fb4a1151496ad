package dev.scripttracker.internal.registry;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptDefinition;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the registries the processor wrote: every jar or directory on the class path that has
 * scripts holds {@value #INDEX}, which names its data files in the same directory.
 */
public final class RegistryIndex {

    public static final String DIRECTORY = "META-INF/script-tracker/";
    public static final String INDEX = DIRECTORY + "index.txt";

    /** The scripts of one data file, and the jar or directory it is in. */
    public record Registry(List<ScriptDefinition> scripts, String source) {
    }

    private RegistryIndex() {
    }

    public static List<Registry> load(ClassLoader loader) {
        List<Registry> registries = new ArrayList<>();
        try {
            for (URL index : Collections.list(loader.getResources(INDEX))) {
                String source = sourceOf(index);
                for (String dataFile : lines(index)) {
                    registries.add(new Registry(read(new URL(index, dataFile), dataFile, source), source));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the script registries (" + INDEX + ") of " + loader, e);
        }
        return registries;
    }

    private static List<ScriptDefinition> read(URL data, String dataFile, String source) throws IOException {
        String name = DIRECTORY + dataFile + " in " + source;
        try {
            return RegistryData.read(open(data), name);
        } catch (FileNotFoundException | NoSuchFileException missing) {
            throw new ConfigurationException("the script registry index " + INDEX + " in " + source + " names "
                    + dataFile + ", which is not there; rebuild that module (mvn clean install), and if it is a"
                    + " merged (shaded) jar, keep every file under " + DIRECTORY);
        }
    }

    private static List<String> lines(URL index) throws IOException {
        List<String> lines = new ArrayList<>(1);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(index), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.trim();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    lines.add(name);
                }
            }
        }
        return lines;
    }

    /** Without the JVM-wide cache of opened jars, which would keep the application's jars open for good. */
    private static InputStream open(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    /** {@code file:/app/lib/billing.jar} or {@code file:/app/classes/}: the index's URL up to the jar or directory. */
    static String sourceOf(URL index) {
        String url = index.toString();
        String location = url.endsWith(INDEX) ? url.substring(0, url.length() - INDEX.length()) : url;
        if (location.startsWith("jar:") && location.endsWith("!/")) {
            location = location.substring("jar:".length(), location.length() - "!/".length());
        }
        return location;
    }
}
