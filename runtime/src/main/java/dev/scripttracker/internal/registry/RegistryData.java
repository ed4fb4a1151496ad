package dev.scripttracker.internal.registry;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry data file, as the processor writes it: one line per script, fields separated by tabs.
 *
 * <pre>{@code # script-tracker registry 1
 * id  class  description  timeout-seconds  timeout-nanos  transaction  after,ids  entry-point}</pre>
 */
public final class RegistryData {

    /** The first line of every registry data file; a newer format gets a new number. */
    public static final String HEADER = "# script-tracker registry 1";
    private static final int FIELDS = 8;

    private RegistryData() {
    }

    /**
     * @param in closed here
     * @param name the file and where it is, for messages
     */
    public static List<ScriptDefinition> read(InputStream in, String name) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the script registry " + name, e);
        }
    }

    static List<ScriptDefinition> parse(BufferedReader reader, String name) throws IOException {
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new ConfigurationException("the script registry " + name + " was written by another version of the"
                    + " script-tracker processor (" + header + "); rebuild it with the processor of the runtime's version");
        }
        List<ScriptDefinition> scripts = new ArrayList<>();
        String[] fields = new String[FIELDS];
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isEmpty()) {
                scripts.add(definition(split(line, fields, name)));
            }
        }
        return scripts;
    }

    private static ScriptDefinition definition(String[] f) {
        List<String> after = f[6].isEmpty() ? List.of() : List.of(f[6].split(","));
        return new ScriptDefinition(f[0], f[1], f[2], Duration.ofSeconds(Long.parseLong(f[3]), Long.parseLong(f[4])),
                Transaction.valueOf(f[5]), after, EntryPoint.valueOf(f[7]));
    }

    private static String[] split(String line, String[] fields, String name) {
        int start = 0;
        for (int i = 0; i < FIELDS; i++) {
            int tab = i == FIELDS - 1 ? line.length() : line.indexOf('\t', start);
            if (tab < 0) {
                throw new ConfigurationException("the script registry " + name + " has a damaged line: " + line
                        + "; rebuild the module that holds it (mvn clean install)");
            }
            fields[i] = unescape(line.substring(start, tab));
            start = tab + 1;
        }
        return fields;
    }

    /** Undoes the processor's escapes: {@code \t}, {@code \n}, {@code \r} and {@code \\}. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
