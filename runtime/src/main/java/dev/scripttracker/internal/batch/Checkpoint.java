package dev.scripttracker.internal.batch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a {@code BATCH} run got to: which loop of the script, how many batches and items it has
 * committed, and the source's position after the last one. Stored as readable text, e.g.
 * {@code loop=1;source=3f2a9c1e;batch=12;done=12000;after=id%3DL%253A12000}.
 *
 * @param source a fingerprint of the loop's source and the run's parameters: a resumed run whose
 *     query, list, file or parameters changed must not continue from this position
 * @param finished the loop ran to its end (a resumed run skips it)
 */
public record Checkpoint(int loop, String source, long batch, long done, String after, boolean finished) {

    /** The longest text a checkpoint column holds. */
    public static final int MAX_LENGTH = 4_000;

    public static Checkpoint start(int loop, String source) {
        return new Checkpoint(loop, source, 0, 0, "", false);
    }

    /** A short fingerprint of what a loop iterates over and with which parameters. */
    public static String fingerprint(String identity) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public Checkpoint next(long items, String position) {
        return new Checkpoint(loop, source, batch + 1, done + items, position, false);
    }

    public Checkpoint finish() {
        return new Checkpoint(loop, source, batch, done, after, true);
    }

    public String encode() {
        String text = "loop=" + loop + ";source=" + source + ";batch=" + batch + ";done=" + done + ";after="
                + Escapes.escape(after) + (finished ? ";finished" : "");
        if (text.length() > MAX_LENGTH) {
            throw new IllegalStateException("the checkpoint after batch " + batch + " is " + text.length()
                    + " characters long, more than the " + MAX_LENGTH + " a checkpoint holds: order the batch"
                    + " query by shorter key columns (an id rather than long text)");
        }
        return text;
    }

    /** @throws IllegalArgumentException when {@code text} is not a checkpoint */
    public static Checkpoint decode(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            fields.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
        }
        try {
            return new Checkpoint(Integer.parseInt(fields.get("loop")), fields.getOrDefault("source", ""),
                    Long.parseLong(fields.get("batch")),
                    Long.parseLong(fields.get("done")), Escapes.unescape(fields.getOrDefault("after", "")),
                    fields.containsKey("finished"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the recorded checkpoint '" + text + "' cannot be read: " + e, e);
        }
    }
}
