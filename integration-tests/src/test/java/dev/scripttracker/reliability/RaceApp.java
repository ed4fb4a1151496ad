package dev.scripttracker.reliability;

import dev.scripttracker.processor.TrackedScriptProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The application of the race, built as users build theirs: {@link RaceChild} as its main and
 * fifty SCRIPT-mode scripts, compiled with the processor, which writes their registry. Each script
 * counts its own runs and appends a row, so a second run of any of them shows in the data.
 */
final class RaceApp {

    static final int SCRIPTS = 50;
    private static final Path MODULE = Path.of(System.getProperty("user.dir"));

    private final Path classes;
    private final List<String> scriptIds;

    private RaceApp(Path classes, List<String> scriptIds) {
        this.classes = classes;
        this.scriptIds = scriptIds;
    }

    static RaceApp build(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        List<Path> files = new ArrayList<>(List.of(
                MODULE.resolve("src/test/java/" + RaceChild.class.getName().replace('.', '/') + ".java")));
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= SCRIPTS; n++) {
            ids.add(String.format(Locale.ROOT, "race_%02d", n));
            files.add(writeScript(sources, String.format(Locale.ROOT, "RaceScript%02d", n), ids.get(n - 1)));
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(log, fileManager, null, List.of("-d", classes.toString(),
                    "-classpath", libraries()), null, fileManager.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new TrackedScriptProcessor()));
            if (!task.call()) {
                throw new AssertionError("the race application did not compile:\n" + log);
            }
        }
        return new RaceApp(classes, List.copyOf(ids));
    }

    private static Path writeScript(Path sources, String className, String id) throws IOException {
        return Files.writeString(sources.resolve(className + ".java"), """
                package com.acme.race;

                import dev.scripttracker.*;

                @TrackedScript(id = "%s", transaction = Transaction.SCRIPT)
                public class %s implements Script {
                    @Override
                    public void run(ScriptContext ctx) throws Exception {
                        String id = ctx.definition().id();
                        ctx.handle().createUpdate("update race_counters set hits = hits + 1 where script = :id")
                                .bind("id", id).execute();
                        Thread.sleep(20); // half-way through, so that other JVMs come for it meanwhile
                        ctx.handle().createUpdate("insert into race_effects (script) values (:id)").bind("id", id)
                                .execute();
                    }
                }
                """.formatted(id, className));
    }

    /** The test's class path without this module's own classes, whose demo and test scripts are not this app's. */
    private static String libraries() {
        String own = MODULE.resolve("target").toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.startsWith(own)).collect(Collectors.joining(File.pathSeparator));
    }

    List<String> scriptIds() {
        return scriptIds;
    }

    /**
     * Starts one of {@code jvms} JVMs of the race on the database at {@code url}; its output goes to a
     * file in {@code dir}.
     */
    RaceJvm start(Path dir, String url, String name, int jvms) throws IOException {
        // Small heap and a cheap JIT and GC: sixteen of these share a small machine.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classes + File.pathSeparator + libraries(), RaceChild.class.getName(), url, name,
                Integer.toString(jvms));
        Path output = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new RaceJvm(name, process, output);
    }
}
