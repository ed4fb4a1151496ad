package dev.scripttracker.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names a module's registry data file after the first script class it lists: that class's package
 * and a hash of its name ({@code com.acme.1a2b3c4d.scripts}), so that two jars never hold the same
 * file (a fat jar that merges them keeps both), and a rebuild of the same sources writes the same name.
 */
final class RegistryNames {

    static final String SUFFIX = ".scripts";

    private RegistryNames() {
    }

    static String forFirstScript(String scriptBinaryName, String packageName) {
        String hash = shortHash(scriptBinaryName);
        return (packageName.isEmpty() ? hash : packageName + "." + hash) + SUFFIX;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
