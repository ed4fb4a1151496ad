package dev.scripttracker.registrytest;

import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptRegistry;
import dev.scripttracker.Transaction;
import java.time.Duration;
import java.util.List;

/** A registry written by a processor that did not yet check the length of descriptions. */
public class RegistryWithLongDescription implements ScriptRegistry {
    @Override
    public List<ScriptDefinition> scripts() {
        return List.of(new ScriptDefinition("20261124090000_wordy", "com.acme.billing.Wordy", "w".repeat(1001),
                Duration.ZERO, Transaction.SCRIPT, List.of(), EntryPoint.SCRIPT));
    }
}
