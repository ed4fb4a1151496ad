package dev.scripttracker.registrytest;

import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptRegistry;
import dev.scripttracker.Transaction;
import java.time.Duration;
import java.util.List;

/** A registry class as processors before 0.1.0 generated them, which the catalog test packs into a jar. */
@SuppressWarnings("deprecation")
public class RegistryOfAnOlderProcessor implements ScriptRegistry {
    @Override
    public List<ScriptDefinition> scripts() {
        return List.of(new ScriptDefinition("20261124090000_shared_id", "com.acme.billing.FixInvoices", "", Duration.ZERO,
                Transaction.SCRIPT, List.of(), EntryPoint.SCRIPT));
    }
}
