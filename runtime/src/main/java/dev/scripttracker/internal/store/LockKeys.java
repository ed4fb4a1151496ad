package dev.scripttracker.internal.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable lock keys from a scope and a script id, for databases whose locks take a number or short name. */
public final class LockKeys {

    private LockKeys() {
    }

    public static long asLong(String scope, String scriptId) {
        return ByteBuffer.wrap(digest(scope, scriptId)).getLong();
    }

    /** At most 64 characters, MySQL's limit for lock names. */
    public static String asName(String scope, String scriptId) {
        return "script-tracker:" + HexFormat.of().formatHex(digest(scope, scriptId)).substring(0, 40);
    }

    private static byte[] digest(String scope, String scriptId) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((scope + "\u0000" + scriptId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
