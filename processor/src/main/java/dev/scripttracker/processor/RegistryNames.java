package dev.scripttracker.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names a generated registry after the first script class it lists: in that class's package, with a
 * hash of its name, so that two modules with scripts in one package never generate the same class,
 * and a rebuild of the same sources generates the same name.
 */
final class RegistryNames {

    static final String PREFIX = "TrackedScriptRegistry_";

    private RegistryNames() {
    }

    static String forFirstScript(String scriptBinaryName, String packageName) {
        String simpleName = PREFIX + shortHash(scriptBinaryName);
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
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
