package dev.scripttracker.demo;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptRegistry;
import dev.scripttracker.demo.scripts.BackfillCustomerTiers;
import dev.scripttracker.demo.scripts.NormalizeEmails;
import dev.scripttracker.demo.scripts.RemoveTestAccounts;
import dev.scripttracker.internal.registry.AnnotatedScripts;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's registry, found by ServiceLoader like a generated one. Until the annotation processor
 * writes registries, this one reads the annotations of its three scripts.
 */
public final class DemoRegistry implements ScriptRegistry {

    @Override
    public List<ScriptDefinition> scripts() {
        return Stream.of(BackfillCustomerTiers.class, RemoveTestAccounts.class, NormalizeEmails.class)
                .map(AnnotatedScripts::definitionOf).toList();
    }
}
