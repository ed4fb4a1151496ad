package dev.scripttracker;

import java.util.List;

/**
 * A registry class, as script-tracker processors before 0.1.0 generated them (found through
 * {@code META-INF/services/dev.scripttracker.ScriptRegistry}). The processor now writes the
 * registry as resources under {@code META-INF/script-tracker/}; the runtime still reads registries
 * of this kind, so jars built by the older processor keep working, and merges both.
 *
 * @deprecated rebuild the module with the current processor, which generates no class
 */
@Deprecated
public interface ScriptRegistry {

    List<ScriptDefinition> scripts();
}
