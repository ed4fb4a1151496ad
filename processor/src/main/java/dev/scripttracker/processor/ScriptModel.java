package dev.scripttracker.processor;

import java.time.Duration;
import java.util.List;

/**
 * What the registry says about one valid script.
 *
 * @param className the binary name ({@code com.acme.Outer$Inner}), as {@code Class.forName} wants it
 */
record ScriptModel(
        String className,
        String packageName,
        String id,
        String description,
        Duration timeout,
        String transaction,
        List<String> after,
        String entryPoint) {
}
