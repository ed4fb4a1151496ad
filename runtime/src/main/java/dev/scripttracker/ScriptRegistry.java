package dev.scripttracker;

import java.util.List;

/**
 * Lists the tracked scripts of one compilation unit (a jar or a module). The annotation processor
 * generates an implementation and its {@code META-INF/services/dev.scripttracker.ScriptRegistry}
 * entry; the runtime loads every registry on the class path with {@link java.util.ServiceLoader}
 * and merges them. An id registered twice is a start-up error naming both classes and their jars.
 */
public interface ScriptRegistry {

    List<ScriptDefinition> scripts();
}
