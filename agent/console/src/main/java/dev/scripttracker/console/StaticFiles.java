package dev.scripttracker.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The console's style sheet and script, from its own jar (no internet, no build step). */
final class StaticFiles {

    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> contents = Map.of(
            "console.css", read("console.css"),
            "console.js", read("console.js"));

    ConsoleResponse serve(String name) {
        byte[] content = contents.get(name);
        if (content == null) {
            return ConsoleResponse.withType(404, "text/plain; charset=utf-8", new byte[0], Map.of());
        }
        return ConsoleResponse.withType(200, TYPES.get(name), content, Map.of());
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from its jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
