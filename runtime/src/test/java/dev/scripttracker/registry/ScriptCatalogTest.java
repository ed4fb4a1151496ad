package dev.scripttracker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.registry.ScriptCatalog;
import dev.scripttracker.registrytest.RegistryInJarA;
import dev.scripttracker.registrytest.RegistryInJarB;
import dev.scripttracker.registrytest.RegistryWithLongDescription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCatalogTest {

    @TempDir
    Path dir;

    static ScriptDefinition script(String id, String... after) {
        return new ScriptDefinition(id, "com.acme.Script_" + id, "", Duration.ofMinutes(5), Transaction.SCRIPT,
                List.of(after), EntryPoint.SCRIPT);
    }

    static ScriptCatalog catalogOf(ScriptDefinition... scripts) {
        return ScriptCatalog.load(ScriptCatalogTest.class.getClassLoader(), List.of(scripts));
    }

    @Test
    void duplicateIdInTwoJars_isAStartUpErrorNamingBothClassesAndBothJars() throws Exception {
        ClassLoader loader = RegistryJars.loaderOf(RegistryJars.jarWith(dir, "billing.jar", RegistryInJarA.class),
                RegistryJars.jarWith(dir, "shipping.jar", RegistryInJarB.class));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ScriptCatalog.load(loader, List.of()));

        String message = e.getMessage();
        assertTrue(message.contains("'20261124090000_shared_id' is registered twice"), message);
        assertTrue(message.contains("com.acme.billing.FixInvoices") && message.contains("billing.jar"), message);
        assertTrue(message.contains("com.acme.shipping.FixParcels") && message.contains("shipping.jar"), message);
    }

    @Test
    void descriptionLongerThanTheStoreKeepsInAnOldRegistry_isAStartUpErrorNamingTheScriptAndItsJar() throws Exception {
        ClassLoader loader = RegistryJars.loaderOf(RegistryJars.jarWith(dir, "old-billing.jar",
                RegistryWithLongDescription.class));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ScriptCatalog.load(loader, List.of()));

        assertTrue(e.getMessage().contains("com.acme.billing.Wordy (in ") && e.getMessage().contains("old-billing.jar)"
                + " has a description of 1001 characters, but the store keeps at most 1000"), e.getMessage());
    }

    @Test
    void registriesInSeveralJars_areMerged() throws Exception {
        ClassLoader loader = RegistryJars.loaderOf(RegistryJars.jarWith(dir, "billing.jar", RegistryInJarA.class));

        ScriptCatalog catalog = ScriptCatalog.load(loader, List.of(script("20261124080000_other")));

        assertEquals(List.of("20261124080000_other", "20261124090000_shared_id"),
                catalog.runOrder().stream().map(ScriptDefinition::id).toList());
    }

    @Test
    void runOrder_isByIdExceptThatAfterComesFirst() {
        ScriptCatalog catalog = catalogOf(script("003_c"), script("001_a", "004_d"), script("004_d"), script("002_b"));

        assertEquals(List.of("002_b", "003_c", "004_d", "001_a"),
                catalog.runOrder().stream().map(ScriptDefinition::id).toList());
    }

    @Test
    void unknownAfter_isAnErrorNamingTheScriptAndTheMissingId() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> catalogOf(script("001_a", "000_missing")));

        assertTrue(e.getMessage().contains("after = \"000_missing\""), e.getMessage());
        assertTrue(e.getMessage().contains("com.acme.Script_001_a"), e.getMessage());
    }

    @Test
    void cyclicAfter_isAnErrorNamingEveryScriptInTheCycle() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> catalogOf(script("001_a", "002_b"), script("002_b", "003_c"), script("003_c", "001_a"),
                        script("004_free")));

        assertTrue(e.getMessage().contains("form a cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("001_a (after [002_b])"), e.getMessage());
        assertTrue(e.getMessage().contains("003_c (after [001_a])"), e.getMessage());
        assertTrue(!e.getMessage().contains("004_free"), e.getMessage());
    }

    @Test
    void badId_isAnErrorQuotingTheRule() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> catalogOf(script("fix users!")));

        assertTrue(e.getMessage().contains("'fix users!'"), e.getMessage());
        assertTrue(e.getMessage().contains("[A-Za-z0-9][A-Za-z0-9._-]{0,127}"), e.getMessage());
    }
}
