package dev.scripttracker.cli;

import dev.scripttracker.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Writes a new script skeleton with a fresh yyyyMMddHHmmss_description id and a class name that"
                + " clashes with nothing in the source directory. It compiles as is and fails until it is written."})
final class CreateCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Parameters(paramLabel = "DESCRIPTION", description = "What the script does, e.g. \"Backfill dark theme\".")
    String description;

    @Option(names = "--source-dir", paramLabel = "DIR", description = "Source root (default: src/main/java).")
    Path sourceDir = Path.of("src", "main", "java");

    @Option(names = "--package", paramLabel = "P",
            description = "Package of the new script (default: the package most existing scripts are in).")
    String packageName;

    @Option(names = "--param", paramLabel = "NAME:TYPE[=DEFAULT]", description = "A parameter of the new script"
            + " (repeatable), a component of its parameters record: e.g. --param tenant:String --param limit:int=100"
            + " --param from:Optional<LocalDate>.")
    List<String> parameters = new java.util.ArrayList<>();

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        String oneLine = description == null ? "" : description.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        if (ScriptNames.words(oneLine).isEmpty()) {
            throw new ConfigurationException("the description \"" + oneLine + "\" gives the script's id nothing to"
                    + " go on: ids allow only Latin letters, digits, '.', '_' and '-' (accents are dropped, other"
                    + " letters left out). Describe it with at least one such word, e.g. script-tracker create"
                    + " \"Backfill dark theme for legacy users\"");
        }
        List<ParameterSpec> declared = parameters.stream().map(ParameterSpec::parse).toList();
        Files.createDirectories(sourceDir);
        SourceScripts existing = SourceScripts.scan(List.of(sourceDir));
        String pkg = packageName != null ? packageName : usualPackage(existing);
        Set<String> ids = existing.scripts().stream().flatMap(s -> s.id().stream()).collect(Collectors.toSet());
        String id = freshId(ids, oneLine);
        String className = freshClassName(pkg, existing, oneLine);
        Path file = sourceDir.resolve(pkg.replace('.', '/')).resolve(className + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, ScriptSkeleton.of(pkg, className, id, oneLine, declared), StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("created " + file + " with id " + id);
        spec.commandLine().getOut().println("write its run(ScriptContext) (and rollback), then build: it fails until then");
        return ExitCodes.OK;
    }

    private static String usualPackage(SourceScripts existing) {
        Map<String, Long> counts = existing.scripts().stream()
                .collect(Collectors.groupingBy(SourceScripts.Found::packageName, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new ConfigurationException("there are no scripts under " + "the source directory yet,"
                        + " so there is no package to follow; pass one with --package com.example.scripts"));
    }

    private String freshId(Set<String> taken, String description) {
        String suffix = ScriptNames.snakeCase(description);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        for (int second = 0; ; second++) {
            String id = STAMP.format(now.plusSeconds(second)) + "_" + suffix;
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    private String freshClassName(String pkg, SourceScripts existing, String description) {
        String base = ScriptNames.upperCamelCase(description);
        Function<String, Boolean> taken = name -> existing.hasClass(pkg.isEmpty() ? name : pkg + "." + name)
                || Files.exists(sourceDir.resolve(pkg.replace('.', '/')).resolve(name + ".java"));
        String name = base;
        for (int n = 2; taken.apply(name); n++) {
            name = base + n;
        }
        return name;
    }
}
