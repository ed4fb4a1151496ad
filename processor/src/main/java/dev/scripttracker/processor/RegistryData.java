package dev.scripttracker.processor;

import java.util.List;

/**
 * The registry's data file: a header, then one tab-separated line per script. Data rather than code:
 * a resource needs no further javac round, and ten thousand definitions load fast and stay clear of
 * the JVM's method and constant-pool limits.
 */
final class RegistryData {

    /** Must match RegistryData.HEADER in the runtime. */
    static final String HEADER = "# script-tracker registry 1";

    private RegistryData() {
    }

    /** The data file's text, the scripts in the order given. */
    static String of(List<ScriptModel> scripts) {
        StringBuilder text = new StringBuilder(160 * (scripts.size() + 1)).append(HEADER).append('\n');
        for (ScriptModel script : scripts) {
            text.append(escape(script.id())).append('\t').append(escape(script.className())).append('\t')
                    .append(escape(script.description())).append('\t').append(script.timeout().getSeconds()).append('\t')
                    .append(script.timeout().getNano()).append('\t').append(script.transaction()).append('\t')
                    .append(String.join(",", script.after())).append('\t')
                    .append(script.entryPoint()).append('\n');
        }
        return text.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
