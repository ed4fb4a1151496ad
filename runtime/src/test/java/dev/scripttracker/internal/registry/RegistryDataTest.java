package dev.scripttracker.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.Transaction;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryDataTest {

    static final String NAME = "META-INF/script-tracker/com.acme.1a2b3c4d.scripts in file:/app/billing.jar";

    static List<ScriptDefinition> parse(String text) throws Exception {
        return RegistryData.parse(new BufferedReader(new StringReader(text)), NAME);
    }

    @Test
    void lines_becomeDefinitionsWithEscapesUndone() throws Exception {
        List<ScriptDefinition> scripts = parse(RegistryData.HEADER + "\n"
                + "002_b\tcom.acme.B\tsays \\\"hi\\\"\\n\\tthen \\\\ bye\t90\t500\tNONE\t001_a,000_z\tCALLABLE\n");

        ScriptDefinition b = scripts.get(0);
        assertEquals("002_b", b.id());
        assertEquals("says \"hi\"\n\tthen \\ bye", b.description());
        assertEquals(Duration.ofSeconds(90, 500), b.timeout());
        assertEquals(Transaction.NONE, b.transaction());
        assertEquals(List.of("001_a", "000_z"), b.after());
        assertEquals(EntryPoint.CALLABLE, b.entryPoint());
    }

    @Test
    void fileOfAnotherFormat_isAnErrorSayingToRebuild() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("# script-tracker registry 99\n"));

        assertTrue(e.getMessage().contains("registry " + NAME + " was written by another version"), e.getMessage());
    }

    @Test
    void damagedLine_isAnErrorQuotingIt() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(RegistryData.HEADER + "\n001_a\tcom.acme.A\n"));

        assertTrue(e.getMessage().contains("damaged line: 001_a"), e.getMessage());
    }
}
