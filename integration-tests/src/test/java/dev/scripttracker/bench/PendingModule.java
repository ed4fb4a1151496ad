package dev.scripttracker.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * A made-up application module for {@link RunPendingVsFlywayBenchmark}, generated and compiled at run
 * time: {@code n} {@code @TrackedScript} classes in {@code bench.scripts} and {@code n} Flyway Java
 * migrations ({@code BaseJavaMigration}) in {@code db.bench}, script and migration {@code k} both running
 * {@code insert into bench_rows values (k)} through one plain JDBC statement on the connection each tool
 * hands them. Compiled in process with the script-tracker processor (so the registry is generated as in
 * a user's build) and loaded by a {@link URLClassLoader} whose parent hides this module's own registries
 * (the demo's and the tests' scripts), so that script-tracker sees exactly the {@code n} scripts.
 */
final class PendingModule implements AutoCloseable {

    static final String SCRIPT_PACKAGE = "bench.scripts";
    static final String MIGRATION_PACKAGE = "db.bench";
    static final String FLYWAY_LOCATION = "classpath:" + MIGRATION_PACKAGE.replace('.', '/');

    private final int n;
    private final Path root;
    private final List<String> migrationClasses;
    private final URLClassLoader loader;

    private PendingModule(int n, Path root, List<String> migrationClasses, URLClassLoader loader) {
        this.n = n;
        this.root = root;
        this.migrationClasses = migrationClasses;
        this.loader = loader;
    }

    /** Writes and compiles the module's {@code n} scripts and {@code n} migrations into a temp directory. */
    static PendingModule build(int n) throws IOException {
        Path root = Files.createTempDirectory("run-pending-vs-flyway-" + n + "-");
        Path src = root.resolve("src");
        List<Path> sources = new ArrayList<>(2 * n);
        List<String> migrations = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            String script = String.format(Locale.ROOT, "Insert%05d", k);
            sources.add(GeneratedModule.write(src.resolve(SCRIPT_PACKAGE.replace('.', '/')).resolve(script + ".java"),
                    scriptSource(k, script)));
            String migration = String.format(Locale.ROOT, "V%05d__Insert_row", k);
            sources.add(GeneratedModule.write(src.resolve(MIGRATION_PACKAGE.replace('.', '/')).resolve(migration + ".java"),
                    migrationSource(k, migration)));
            migrations.add(MIGRATION_PACKAGE + "." + migration);
        }
        Path classes = Files.createDirectories(root.resolve("classes"));
        Path generated = Files.createDirectories(root.resolve("generated"));
        GeneratedModule.compileWithProcessor(sources, classes, generated, null);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                new HiddenRegistries(PendingModule.class.getClassLoader()));
        return new PendingModule(n, root, List.copyOf(migrations), loader);
    }

    private static String scriptSource(int k, String name) {
        return "package " + SCRIPT_PACKAGE + ";\n\n"
                + "import dev.scripttracker.Script;\n"
                + "import dev.scripttracker.ScriptContext;\n"
                + "import dev.scripttracker.TrackedScript;\n"
                + "import java.sql.Statement;\n\n"
                + "@TrackedScript(id = \"" + scriptId(k) + "\", description = \"Insert row " + k + "\")\n"
                + "public class " + name + " implements Script {\n"
                + "    @Override\n"
                + "    public void run(ScriptContext ctx) throws Exception {\n"
                + "        try (Statement statement = ctx.connection().createStatement()) {\n"
                + "            statement.execute(\"insert into bench_rows values (" + k + ")\");\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }

    private static String migrationSource(int k, String name) {
        return "package " + MIGRATION_PACKAGE + ";\n\n"
                + "import java.sql.Statement;\n"
                + "import org.flywaydb.core.api.migration.BaseJavaMigration;\n"
                + "import org.flywaydb.core.api.migration.Context;\n\n"
                + "public class " + name + " extends BaseJavaMigration {\n"
                + "    @Override\n"
                + "    public void migrate(Context context) throws Exception {\n"
                + "        try (Statement statement = context.getConnection().createStatement()) {\n"
                + "            statement.execute(\"insert into bench_rows values (" + k + ")\");\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }

    static String scriptId(int k) {
        return String.format(Locale.ROOT, "bench_insert_%05d", k);
    }

    int size() {
        return n;
    }

    ClassLoader loader() {
        return loader;
    }

    /** The migrations' class names, in version order, for {@code -Dbench.flyway.discovery=list}. */
    List<String> migrationClasses() {
        return migrationClasses;
    }

    @Override
    public void close() throws IOException {
        loader.close();
        GeneratedModule.deleteRecursively(root);
    }

    /**
     * The benchmark's own class loader (so that both tools' classes are shared), with script-tracker's
     * registry resources of this module hidden: the service files {@code META-INF/services/dev.scripttracker.*}
     * and anything under {@code META-INF/script-tracker/}, whatever the registry's format is.
     */
    static final class HiddenRegistries extends ClassLoader {

        HiddenRegistries(ClassLoader parent) {
            super(parent);
        }

        private static boolean hidden(String name) {
            return name.startsWith("META-INF/services/dev.scripttracker.") || name.startsWith("META-INF/script-tracker/");
        }

        @Override
        public URL getResource(String name) {
            return hidden(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
