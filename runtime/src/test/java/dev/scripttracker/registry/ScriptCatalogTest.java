package dev.scripttracker.registry;

import static dev.scripttracker.registry.RegistryJars.HEADER;
import static dev.scripttracker.registry.RegistryJars.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.registry.ScriptCatalog;
import dev.scripttracker.registrytest.RegistryOfAnOlderProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptCatalogTest {

    static final String SHARED_ID = "20261124090000_shared_id";

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
        ClassLoader loader = RegistryJars.loaderOf(
                RegistryJars.jarWith(dir, "billing.jar", line(SHARED_ID, "com.acme.billing.FixInvoices", "", "SCRIPT")),
                RegistryJars.jarWith(dir, "shipping.jar", line(SHARED_ID, "com.acme.shipping.FixParcels", "", "MAIN")));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ScriptCatalog.load(loader, List.of()));

        String message = e.getMessage();
        assertTrue(message.contains("'20261124090000_shared_id' is registered twice"), message);
        assertTrue(message.contains("com.acme.billing.FixInvoices (in file:") && message.contains("/billing.jar)"), message);
        assertTrue(message.contains("com.acme.shipping.FixParcels (in file:") && message.contains("/shipping.jar)"), message);
    }

    @Test
    void registriesInSeveralJars_areMergedWithTheScriptsRegisteredInCode() throws Exception {
        ClassLoader loader = RegistryJars.loaderOf(
                RegistryJars.jarWith(dir, "billing.jar", line("20261124090000_fix_invoices", "com.acme.billing.FixInvoices",
                        "", "SCRIPT"), line("20261124100000_fix_refunds", "com.acme.billing.FixRefunds", "", "RUNNABLE")),
                RegistryJars.jarWith(dir, "shipping.jar", line("20261124093000_fix_parcels",
                        "com.acme.shipping.FixParcels", "parcels\\tboxes", "MAIN")));

        ScriptCatalog catalog = ScriptCatalog.load(loader, List.of(script("20261124080000_other")));

        assertEquals(List.of("20261124080000_other", "20261124090000_fix_invoices", "20261124093000_fix_parcels",
                "20261124100000_fix_refunds"), catalog.runOrder().stream().map(ScriptDefinition::id).toList());
        assertEquals("parcels\tboxes", catalog.require("20261124093000_fix_parcels").description());
        assertEquals(EntryPoint.MAIN, catalog.require("20261124093000_fix_parcels").entryPoint());
        assertTrue(catalog.byId().get("20261124093000_fix_parcels").source().endsWith("/shipping.jar"),
                catalog.byId().get("20261124093000_fix_parcels").source());
    }

    /** A fat jar that appends the modules' indexes (maven-shade's AppendingTransformer) keeps every registry. */
    @Test
    void indexNamingSeveralDataFiles_readsEachOfThem() throws Exception {
        ClassLoader loader = RegistryJars.loaderOf(RegistryJars.jarWith(dir, "app-all.jar",
                "com.acme.billing.0000beef.scripts\ncom.acme.shipping.0000f00d.scripts\n", Map.of(
                        "com.acme.billing.0000beef.scripts", HEADER + line("001_billing", "com.acme.billing.Fix", "", "SCRIPT"),
                        "com.acme.shipping.0000f00d.scripts", HEADER + line("002_shipping", "com.acme.shipping.Fix", "", "SCRIPT"))));

        ScriptCatalog catalog = ScriptCatalog.load(loader, List.of());

        assertEquals(List.of("001_billing", "002_shipping"), catalog.runOrder().stream().map(ScriptDefinition::id).toList());
    }

    @Test
    void indexNamingAMissingDataFile_isAStartUpErrorSayingToRebuild() throws Exception {
        ClassLoader loader = RegistryJars.loaderOf(RegistryJars.jarWith(dir, "billing.jar",
                "com.acme.0000beef.scripts\n", Map.of()));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ScriptCatalog.load(loader, List.of()));

        assertTrue(e.getMessage().contains("META-INF/script-tracker/index.txt in file:") && e.getMessage().contains(
                "/billing.jar names com.acme.0000beef.scripts, which is not there; rebuild that module"), e.getMessage());
    }

    @Test
    void registryClassOfAnOlderProcessor_isStillReadAndMergedWithTheResources() throws Exception {
        ClassLoader loader = RegistryJars.loaderOf(
                RegistryJars.jarWithRegistryClass(dir, "old-billing.jar", RegistryOfAnOlderProcessor.class),
                RegistryJars.jarWith(dir, "shipping.jar", line(SHARED_ID, "com.acme.shipping.FixParcels", "", "MAIN")));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ScriptCatalog.load(loader, List.of()));

        assertTrue(e.getMessage().contains("com.acme.billing.FixInvoices (in file:") && e.getMessage().contains(
                "/old-billing.jar)") && e.getMessage().contains("com.acme.shipping.FixParcels (in file:"), e.getMessage());
    }

    @Test
    void descriptionLongerThanTheStoreKeepsInAnOldRegistry_isAStartUpErrorNamingTheScriptAndItsJar() throws Exception {
        ClassLoader loader = RegistryJars.loaderOf(RegistryJars.jarWith(dir, "old-billing.jar",
                line("20261124090000_wordy", "com.acme.billing.Wordy", "w".repeat(1001), "SCRIPT")));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ScriptCatalog.load(loader, List.of()));

        assertTrue(e.getMessage().contains("com.acme.billing.Wordy (in ") && e.getMessage().contains("old-billing.jar)"
                + " has a description of 1001 characters, but the store keeps at most 1000"), e.getMessage());
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
