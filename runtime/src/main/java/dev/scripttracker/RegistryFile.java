package dev.scripttracker;

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
 * The scripts of a generated registry, kept in a resource beside its class: one line per script,
 * fields separated by tabs. Data rather than code, because a class that builds ten thousand
 * definitions is slow to load and run once; generated registries call {@link #read}.
 *
 * <pre>{@code # script-tracker registry 1
 * id  class  description  timeout-seconds  timeout-nanos  transaction  after,ids  entry-point}</pre>
 */
public final class RegistryFile {

    /** The first line of every registry file; a newer format gets a new number. */
    public static final String HEADER = "# script-tracker registry 1";
    private static final int FIELDS = 8;

    private RegistryFile() {
    }

    /** Reads the resource {@code name}, next to {@code registry}'s class file. */
    public static List<ScriptDefinition> read(Class<?> registry, String name) {
        try (InputStream in = registry.getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigurationException("the registry " + registry.getName() + " has lost its data file "
                        + name + "; rebuild the module that contains it (mvn clean install)");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), registry.getName());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the data of registry " + registry.getName(), e);
        }
    }

    static List<ScriptDefinition> parse(BufferedReader reader, String registry) throws IOException {
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new ConfigurationException("the registry " + registry + " was written by another version of the"
                    + " script-tracker processor (" + header + "); build it with the processor of the runtime's version");
        }
        List<ScriptDefinition> scripts = new ArrayList<>();
        String[] fields = new String[FIELDS];
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isEmpty()) {
                scripts.add(definition(split(line, fields, registry)));
            }
        }
        return scripts;
    }

    private static ScriptDefinition definition(String[] f) {
        List<String> after = f[6].isEmpty() ? List.of() : List.of(f[6].split(","));
        return new ScriptDefinition(f[0], f[1], f[2], Duration.ofSeconds(Long.parseLong(f[3]), Long.parseLong(f[4])),
                Transaction.valueOf(f[5]), after, EntryPoint.valueOf(f[7]));
    }

    private static String[] split(String line, String[] fields, String registry) {
        int start = 0;
        for (int i = 0; i < FIELDS; i++) {
            int tab = i == FIELDS - 1 ? line.length() : line.indexOf('\t', start);
            if (tab < 0) {
                throw new ConfigurationException("the registry " + registry + " has a damaged line: " + line);
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
