package dev.scripttracker.registrytest;

import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptRegistry;
import dev.scripttracker.Transaction;
import java.time.Duration;
import java.util.List;

/** A second registry, in a second jar, that reuses the first one's id. */
public class RegistryInJarB implements ScriptRegistry {
    @Override
    public List<ScriptDefinition> scripts() {
        return List.of(new ScriptDefinition("20261124090000_shared_id", "com.acme.shipping.FixParcels", "", Duration.ZERO,
                Transaction.SCRIPT, List.of(), EntryPoint.MAIN));
    }
}
