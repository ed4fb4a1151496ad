package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ParameterDeclarations;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create --param writes a parameters record that compiles and declares what was asked. */
class ScriptSkeletonTest {

    @TempDir
    Path dir;

    @Test
    void parameters_becomeARecordTheAnnotationNames_thatCompilesAndDeclaresThem() throws Exception {
        String source = ScriptSkeleton.of("com.acme", "RefundOrders", "20261204120000_refund_orders", "Refund orders",
                List.of(ParameterSpec.parse("tenant:String"), ParameterSpec.parse("limit:int=100"),
                        ParameterSpec.parse("from:Optional<LocalDate>"), ParameterSpec.parse("ids:List<UUID>")));
        Path file = Files.createDirectories(dir.resolve("com/acme")).resolve("RefundOrders.java");
        Files.writeString(file, source);

        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d",
                dir.resolve("classes").toString(), "-cp", System.getProperty("java.class.path"), file.toString());

        assertEquals(0, compiled, source);
        assertTrue(source.contains("parameters = RefundOrders.Params.class"), source);
        assertTrue(source.contains("Params parameters = ctx.parameters(Params.class);"), source);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            List<ParameterDeclaration> declared = ParameterDeclarations.of(loader.loadClass("com.acme.RefundOrders"))
                    .list();
            assertEquals(List.of("tenant", "limit", "from", "ids"), declared.stream().map(ParameterDeclaration::name)
                    .toList());
            assertEquals(List.of("String", "int", "Optional<LocalDate>", "List<UUID>"),
                    declared.stream().map(ParameterDeclaration::type).toList());
            assertEquals(Optional.of("100"), declared.get(1).defaultValue());
        }
    }

    @Test
    void unsupportedTypeOrBadName_isRefusedSayingWhatToWrite() {
        ConfigurationException type = assertThrows(ConfigurationException.class,
                () -> ParameterSpec.parse("when:Date"));
        ConfigurationException name = assertThrows(ConfigurationException.class,
                () -> ParameterSpec.parse("2fast:int"));
        ConfigurationException shape = assertThrows(ConfigurationException.class, () -> ParameterSpec.parse("limit"));

        assertTrue(type.getMessage().startsWith("--param when:Date: type 'Date' is not one a parameter can have."
                + " Write e.g. --param tenant:String --param limit:int=100"), type.getMessage());
        assertTrue(name.getMessage().contains("'2fast' is not a Java identifier"), name.getMessage());
        assertTrue(shape.getMessage().startsWith("--param limit is not NAME:TYPE or NAME:TYPE=DEFAULT"),
                shape.getMessage());
    }
}
