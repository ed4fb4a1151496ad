package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The one jar users download carries nothing that could clash with their application's classes. */
class ScriptTrackerJarTest {

    /** Ours, and the two dependencies that stay unrelocated (see agent/pom.xml for why). */
    static final List<String> ALLOWED_PREFIXES = List.of("dev/scripttracker/", "META-INF/", "org/jdbi/",
            "io/leangen/geantyref/", "org/h2/");
    /** The MariaDB driver reads these three from the root of its class path. */
    static final List<String> ALLOWED_FILES = List.of("mariadb.properties", "driver.properties", "deprecated.properties");

    @Test
    void everyEntry_isOursOrRelocatedUnderOurPackage() throws IOException {
        List<String> strays = new ArrayList<>();
        try (JarFile jar = new JarFile(CliJar.JAR.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                boolean parentDirectory = entry.isDirectory() && ALLOWED_PREFIXES.stream().anyMatch(p -> p.startsWith(name));
                if (ALLOWED_PREFIXES.stream().noneMatch(name::startsWith) && !ALLOWED_FILES.contains(name)
                        && !parentDirectory) {
                    strays.add(name);
                }
            }
        }
        assertEquals(List.of(), strays, "entries outside " + ALLOWED_PREFIXES);
    }

    @Test
    void noDependencyManifestOrModuleInfoIsLeft() throws IOException {
        try (JarFile jar = new JarFile(CliJar.JAR.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith("module-info.class")), "module-info found");
            assertEquals(1, names.stream().filter(n -> n.endsWith("MANIFEST.MF")).count());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("META-INF/versions/")), "multi-release entries found");
        }
    }

    @Test
    void manifest_declaresTheAgentAndTheCommandLine() throws IOException {
        try (JarFile jar = new JarFile(CliJar.JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("dev.scripttracker.cli.Main", main.getValue("Main-Class"));
            assertEquals("dev.scripttracker.agent.ScriptTrackerAgent", main.getValue("Premain-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
        }
    }
}
