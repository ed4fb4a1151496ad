package dev.scripttracker.internal.batch;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding, so that values never contain the separators of the text they are stored in. */
final class Escapes {

    private Escapes() {
    }

    static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String unescape(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
