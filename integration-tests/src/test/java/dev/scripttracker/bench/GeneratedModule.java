package dev.scripttracker.bench;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskListener;
import dev.scripttracker.processor.TrackedScriptProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Sources of a made-up application module for the compile and registry benchmarks: data-fix
 * scripts in {@code com.acme.scripts}, written the way the README shows them, and ordinary classes
 * (records, services, enums) beside them.
 */
final class GeneratedModule {

    static final String SCRIPT_PACKAGE = "com.acme.scripts";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final LocalDateTime FIRST_SCRIPT = LocalDateTime.of(2026, 1, 5, 9, 0);
    private static final String[] TABLES = {"invoices", "customers", "orders", "parcels", "subscriptions",
        "users", "payments", "addresses"};
    private static final String[] PLAIN_PACKAGES = {"com.acme.billing", "com.acme.customers", "com.acme.shipping",
        "com.acme.common"};

    private GeneratedModule() {
    }

    /** The id of script {@code n}: a timestamp 37 minutes after the previous one, then {@code _fix_n}. */
    static String scriptId(int n) {
        return FIRST_SCRIPT.plusMinutes(37L * n).format(ID_TIME) + "_fix_" + n;
    }

    /** Writes {@code count} script classes under {@code sourceRoot}; returns their files. */
    static List<Path> writeScripts(Path sourceRoot, int count) {
        Path dir = sourceRoot.resolve(SCRIPT_PACKAGE.replace('.', '/'));
        List<Path> files = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String table = TABLES[n % TABLES.length];
            String name = String.format(Locale.ROOT, "Fix%05d%s", n, capitalize(table));
            files.add(write(dir.resolve(name + ".java"), scriptSource(n, name, table)));
        }
        return files;
    }

    private static String scriptSource(int n, String name, String table) {
        String header = "package " + SCRIPT_PACKAGE + ";\n\n"
                + "import dev.scripttracker.Script;\n"
                + "import dev.scripttracker.ScriptContext;\n"
                + "import dev.scripttracker.TrackedScript;\n\n"
                + "@TrackedScript(id = \"" + scriptId(n) + "\",\n"
                + "        description = \"Repair " + table + " of tenant " + n + " after the import of ticket ACME-" + (4000 + n)
                + "\")\n"
                + "public class " + name + " implements Script {\n\n"
                + "    private static final long TENANT = " + n + "L;\n\n"
                + "    @Override\n"
                + "    public void run(ScriptContext ctx) {\n";
        String body = switch (n % 3) {
            case 0 -> "        long todo = ctx.handle().select(\"select count(*) from " + table
                    + " where tenant_id = ? and updated_at is null\", TENANT)\n"
                    + "                .mapTo(Long.class).one();\n"
                    + "        ctx.skipIf(todo == 0, \"nothing to repair\");\n"
                    + "        int rows = ctx.handle().execute(\"update " + table
                    + " set updated_at = created_at where tenant_id = ? and updated_at is null\", TENANT);\n"
                    + "        ctx.log(\"repaired {} of {} " + table + "\", rows, todo);\n";
            case 1 -> "        int removed = ctx.handle().execute(\"delete from " + table
                    + " where tenant_id = ? and status = 'DRAFT' and created_at < date '2025-01-01'\", TENANT);\n"
                    + "        ctx.log(\"removed {} stale drafts\", removed);\n"
                    + "        int reset = ctx.handle().execute(\"update " + table
                    + " set status = 'OPEN' where tenant_id = ? and status is null\", TENANT);\n"
                    + "        ctx.log(\"reset {} " + table + " to OPEN\", reset);\n";
            default -> "        String region = ctx.parameter(\"region\").orElse(\"eu-west\");\n"
                    + "        int rows = ctx.handle().execute(\"update " + table
                    + " set region = ? where tenant_id = ? and region is null\", region, TENANT);\n"
                    + "        ctx.progress(rows, rows);\n"
                    + "        ctx.log(\"moved {} " + table + " to {}\", rows, region);\n";
        };
        return header + body + "    }\n}\n";
    }

    /** Writes {@code count} ordinary classes (a record, a service using it, an enum, in turn). */
    static List<Path> writePlainClasses(Path sourceRoot, int count) {
        List<Path> files = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String pkg = PLAIN_PACKAGES[(n / 3) % PLAIN_PACKAGES.length];
            int group = n / 3;
            String base = capitalize(TABLES[group % TABLES.length]) + group;
            String name;
            String source;
            switch (n % 3) {
                case 0 -> {
                    name = base + "Status";
                    source = "package " + pkg + ";\n\n"
                            + "public enum " + name + " {\n    DRAFT, OPEN, PAID, CANCELLED;\n\n"
                            + "    public boolean isFinal() {\n        return this == PAID || this == CANCELLED;\n    }\n}\n";
                }
                case 1 -> {
                    name = base + "Row";
                    source = "package " + pkg + ";\n\n"
                            + "import java.math.BigDecimal;\nimport java.time.Instant;\nimport java.util.Objects;\n\n"
                            + "public record " + name + "(long id, long tenantId, String reference, BigDecimal amount,\n"
                            + "        " + base + "Status status, Instant createdAt) {\n\n"
                            + "    public " + name + " {\n"
                            + "        Objects.requireNonNull(reference, \"reference\");\n"
                            + "        amount = amount == null ? BigDecimal.ZERO : amount;\n"
                            + "    }\n\n"
                            + "    public " + name + " withStatus(" + base + "Status next) {\n"
                            + "        return new " + name + "(id, tenantId, reference, amount, next, createdAt);\n"
                            + "    }\n}\n";
                }
                default -> {
                    name = base + "Service";
                    source = "package " + pkg + ";\n\n"
                            + "import java.math.BigDecimal;\nimport java.util.List;\nimport java.util.Map;\n"
                            + "import java.util.stream.Collectors;\n\n"
                            + "public final class " + name + " {\n\n"
                            + "    private final Map<Long, List<" + base + "Row>> byTenant;\n\n"
                            + "    public " + name + "(List<" + base + "Row> rows) {\n"
                            + "        this.byTenant = rows.stream().collect(Collectors.groupingBy(" + base + "Row::tenantId));\n"
                            + "    }\n\n"
                            + "    public BigDecimal openAmount(long tenantId) {\n"
                            + "        return byTenant.getOrDefault(tenantId, List.of()).stream()\n"
                            + "                .filter(row -> row.status() != null && !row.status().isFinal())\n"
                            + "                .map(" + base + "Row::amount)\n"
                            + "                .reduce(BigDecimal.ZERO, BigDecimal::add);\n"
                            + "    }\n\n"
                            + "    public List<" + base + "Row> cancelDrafts(long tenantId) {\n"
                            + "        return byTenant.getOrDefault(tenantId, List.of()).stream()\n"
                            + "                .map(row -> row.status() == " + base + "Status.DRAFT ? row.withStatus("
                            + base + "Status.CANCELLED) : row)\n"
                            + "                .collect(Collectors.toList());\n"
                            + "    }\n}\n";
                }
            }
            files.add(write(sourceRoot.resolve(pkg.replace('.', '/')).resolve(name + ".java"), source));
        }
        return files;
    }

    /**
     * The class path the benchmark itself runs with. Under {@code exec:java} the {@code java.class.path}
     * property is Maven's launcher, so the URLs of the class loaders come first.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = GeneratedModule.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException notAFile) {
                        // not a local file: javac could not read it either
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles {@code sources} in process with the script-tracker processor ({@code --release 17}, this
     * benchmark's class path), classes into {@code classes}, generated files into {@code generated}.
     */
    static void compileWithProcessor(List<Path> sources, Path classes, Path generated, TaskListener listener)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, List.of("--release", "17",
                    "-encoding", "UTF-8", "-d", classes.toString(), "-s", generated.toString(),
                    "-classpath", classPath()), null, files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new TrackedScriptProcessor()));
            if (listener != null) {
                task.addTaskListener(listener);
            }
            if (!task.call()) {
                throw new IllegalStateException("the build failed: " + diagnostics.getDiagnostics());
            }
        }
    }

    static Path write(Path file, String source) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
