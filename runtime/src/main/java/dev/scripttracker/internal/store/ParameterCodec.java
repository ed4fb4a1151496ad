package dev.scripttracker.internal.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Run parameters as one readable text column: {@code name=value&name=value}, URL-encoded, secrets already
 * masked. The names of the parameters that do not identify the attempt follow under the reserved name
 * {@code @non-identifying} (comma-separated), which no parameter can have; rows without it (all rows written
 * before it existed) have every parameter identifying.
 */
public final class ParameterCodec {

    static final String NON_IDENTIFYING = "@non-identifying";

    private ParameterCodec() {
    }

    public static String encode(Map<String, String> parameters) {
        return encode(parameters, List.of());
    }

    public static String encode(Map<String, String> parameters, List<String> nonIdentifying) {
        if (parameters.isEmpty()) {
            return null;
        }
        Stream<String> pairs = parameters.entrySet().stream().map(e -> escape(e.getKey()) + "=" + escape(e.getValue()));
        Stream<String> marker = nonIdentifying.isEmpty() ? Stream.empty()
                : Stream.of(escape(NON_IDENTIFYING) + "=" + escape(String.join(",", nonIdentifying)));
        return Stream.concat(pairs, marker).collect(Collectors.joining("&"));
    }

    public static Map<String, String> decode(String text) {
        Map<String, String> parameters = all(text);
        parameters.remove(NON_IDENTIFYING);
        return parameters;
    }

    /** The names recorded as not identifying the attempt; empty for rows that record none. */
    public static List<String> nonIdentifying(String text) {
        String names = all(text).get(NON_IDENTIFYING);
        return names == null || names.isEmpty() ? List.of() : Arrays.asList(names.split(","));
    }

    private static Map<String, String> all(String text) {
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
