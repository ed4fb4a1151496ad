package dev.scripttracker.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the console answers: a status, headers and a body, for any server to write out. */
public record ConsoleResponse(int status, Map<String, String> headers, byte[] body) {

    /**
     * Sent with every answer: scripts only from the console's own files (an output with a
     * {@code <script>} in it could not run even if it were not escaped), no framing, no sniffing,
     * nothing cached (pages show live state and carry CSRF tokens).
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                    + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    static ConsoleResponse html(int status, String page) {
        return withType(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static ConsoleResponse redirect(String location) {
        return withType(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
    }

    static ConsoleResponse withType(int status, String contentType, byte[] body, Map<String, String> more) {
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        headers.put("Content-Type", contentType);
        headers.putAll(more);
        return new ConsoleResponse(status, Map.copyOf(headers), body);
    }

    ConsoleResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ConsoleResponse(status, Map.copyOf(more), body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
