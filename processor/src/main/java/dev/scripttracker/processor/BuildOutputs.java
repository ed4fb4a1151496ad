package dev.scripttracker.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The resources the processor writes next to the classes: the service entry naming the generated
 * registries, and the list of script classes, which a later partial recompilation reads so that its
 * registry still lists the scripts it did not recompile.
 */
final class BuildOutputs {

    static final String SERVICES = "META-INF/services/dev.scripttracker.ScriptRegistry";
    static final String SCRIPT_LIST = "META-INF/script-tracker/script-classes.txt";

    private final Filer filer;

    BuildOutputs(Filer filer) {
        this.filer = filer;
    }

    /** The script classes of the previous build in the same output directory; empty after a clean. */
    List<String> previousScriptClasses() {
        List<String> names = new ArrayList<>();
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", SCRIPT_LIST);
            try (BufferedReader reader = new BufferedReader(file.openReader(true))) {
                reader.lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(names::add);
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException noPreviousBuild) {
            return List.of();
        }
        return names;
    }

    void write(Collection<String> registries, Collection<String> scriptClasses, Element[] origins) throws IOException {
        writeLines(SERVICES, registries, origins);
        writeLines(SCRIPT_LIST, scriptClasses, origins);
    }

    private void writeLines(String path, Collection<String> lines, Element[] origins) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
        try (Writer writer = file.openWriter()) {
            writer.write(text.toString());
        }
    }
}
