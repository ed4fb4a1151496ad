package dev.scripttracker.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The resources the processor writes next to the classes, all under {@value #DIRECTORY}: the
 * registry data file; the index naming it, at a fixed path, which the runtime finds in every jar
 * with {@code ClassLoader.getResources}; and the list of script classes, which the agent reads and a
 * later partial recompilation reads so that its registry still lists the scripts it did not recompile.
 */
final class BuildOutputs {

    static final String DIRECTORY = "META-INF/script-tracker/";
    /** Must match RegistryIndex.INDEX in the runtime. */
    static final String INDEX = DIRECTORY + "index.txt";
    static final String SCRIPT_LIST = DIRECTORY + "script-classes.txt";

    /**
     * What the previous build left in the same output directory; nothing after a clean.
     *
     * @param dataFile the data file its index named, whose name this build keeps so no stale file is left
     * @param scriptClasses the qualified names of its scripts
     */
    record Previous(boolean exists, Optional<String> dataFile, List<String> scriptClasses) {
    }

    private final Filer filer;

    BuildOutputs(Filer filer) {
        this.filer = filer;
    }

    Previous previous() {
        List<String> index = lines(INDEX);
        if (index == null) {
            return new Previous(false, Optional.empty(), List.of());
        }
        List<String> scripts = lines(SCRIPT_LIST);
        return new Previous(true, index.stream().findFirst(), scripts == null ? List.of() : scripts);
    }

    /** Writes the three files; with no scripts, an empty index and list that replace the previous build's. */
    void write(String dataFile, String data, Collection<String> scriptClasses, Element[] origins) throws IOException {
        if (!scriptClasses.isEmpty()) {
            write(DIRECTORY + dataFile, data, origins);
        }
        write(INDEX, scriptClasses.isEmpty() ? "" : dataFile + "\n", origins);
        StringBuilder list = new StringBuilder();
        scriptClasses.forEach(name -> list.append(name).append('\n'));
        write(SCRIPT_LIST, list.toString(), origins);
    }

    private void write(String path, String text, Element[] origins) throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
        try (Writer writer = file.openWriter()) {
            writer.write(text);
        }
    }

    /** The non-blank lines of a file of the previous build, or null when there is none. */
    private List<String> lines(String path) {
        List<String> lines = new ArrayList<>();
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (BufferedReader reader = new BufferedReader(file.openReader(true))) {
                reader.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(lines::add);
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException noPreviousBuild) {
            return null;
        }
        return lines;
    }
}
