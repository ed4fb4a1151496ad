package dev.scripttracker.internal.checksum;

import dev.scripttracker.ScriptDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checksums of the scripts' code on this tracker's class path, each computed once: the class files
 * do not change under a running JVM. A script whose class file cannot be read has no checksum; its runs
 * record none and are never reported as changed, and the log says why once.
 */
public final class CodeChecksums {

    private static final Logger LOG = LoggerFactory.getLogger("dev.scripttracker.engine");

    private final ClassLoader loader;
    private final Map<String, Optional<String>> byClass = new ConcurrentHashMap<>();

    public CodeChecksums(ClassLoader loader) {
        this.loader = loader;
    }

    /** The checksum of the script's class and its nested classes, as 64 hex digits; empty when unreadable. */
    public Optional<String> of(ScriptDefinition script) {
        return byClass.computeIfAbsent(script.className(), className -> {
            try {
                return Optional.of(ClassFileChecksum.of(className, loader));
            } catch (ClassFileChecksum.UnreadableCode e) {
                LOG.warn("script {}: no code checksum is recorded for it, so edits after it ran cannot be detected: {}",
                        script.id(), e.getMessage());
                return Optional.empty();
            }
        });
    }
}
