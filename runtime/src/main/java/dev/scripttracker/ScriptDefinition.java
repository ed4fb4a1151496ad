package dev.scripttracker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a registry knows about one script: everything from its {@link TrackedScript} annotation plus
 * the class that holds it and its entry point.
 *
 * @param timeout {@link Duration#ZERO} means no timeout
 */
public record ScriptDefinition(
        String id,
        String className,
        String description,
        Duration timeout,
        Transaction transaction,
        List<String> after,
        EntryPoint entryPoint) {

    public ScriptDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(className, "className");
        description = description == null ? "" : description;
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(transaction, "transaction");
        after = List.copyOf(after);
        Objects.requireNonNull(entryPoint, "entryPoint");
    }
}
