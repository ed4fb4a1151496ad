package dev.scripttracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryFileTest {

    static List<ScriptDefinition> parse(String text) throws Exception {
        return RegistryFile.parse(new BufferedReader(new StringReader(text)), "com.acme.Registry");
    }

    @Test
    void lines_becomeDefinitionsWithEscapesUndone() throws Exception {
        List<ScriptDefinition> scripts = parse(RegistryFile.HEADER + "\n"
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

        assertTrue(e.getMessage().contains("com.acme.Registry was written by another version"), e.getMessage());
    }

    @Test
    void damagedLine_isAnErrorQuotingIt() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse(RegistryFile.HEADER + "\n001_a\tcom.acme.A\n"));

        assertTrue(e.getMessage().contains("damaged line: 001_a"), e.getMessage());
    }
}
