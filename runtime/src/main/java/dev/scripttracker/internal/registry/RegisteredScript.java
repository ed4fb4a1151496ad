package dev.scripttracker.internal.registry;

import dev.scripttracker.ScriptDefinition;

/** A script definition and where it was registered from (a jar, a directory, or code). */
public record RegisteredScript(ScriptDefinition definition, String source) {

    public String describe() {
        return definition.className() + " (in " + source + ")";
    }
}
