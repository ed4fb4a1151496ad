package dev.scripttracker.internal.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Run parameters as one readable text column: {@code name=value&name=value}, URL-encoded. */
public final class ParameterCodec {

    private ParameterCodec() {
    }

    public static String encode(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return null;
        }
        return parameters.entrySet().stream()
                .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> decode(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return parameters;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(unescape(pair.substring(0, eq)), unescape(pair.substring(eq + 1)));
        }
        return parameters;
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String unescape(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
