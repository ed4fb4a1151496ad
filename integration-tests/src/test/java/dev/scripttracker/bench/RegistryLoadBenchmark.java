package dev.scripttracker.bench;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.internal.registry.ScriptCatalog;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Start-up cost of finding 10,000 scripts: the registry resources (what the runtime does) against a
 * classpath scan for the annotation (what Flyway- or Mongock-style tools do to find code
 * migrations). The scripts are generated and compiled with the processor once, into a jar; then,
 * alternating, in one JVM: (a) {@code ScriptCatalog.load} through a fresh {@link URLClassLoader} over
 * the jar, (b) a ClassGraph scan of the jar reading each script's id from the annotation. Neither
 * side loads the script classes. Then, optionally, each once per fresh JVM (first use, cold).
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.RegistryLoadBenchmark</pre>
 *
 * Options: {@code -Dbench.scripts=10000 -Dbench.warmup=5 -Dbench.runs=20 -Dbench.coldRuns=5} (0: no
 * fresh JVMs).
 */
public final class RegistryLoadBenchmark {

    static final int SCRIPTS = Integer.getInteger("bench.scripts", 10_000);
    static final int PLAIN = Integer.getInteger("bench.plain", 200);
    static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    static final int RUNS = Integer.getInteger("bench.runs", 20);
    static final int COLD_RUNS = Integer.getInteger("bench.coldRuns", 5);

    static final String SERVICE = "META-INF/services/dev.scripttracker.ScriptRegistry";
    static final String INDEX = "META-INF/script-tracker/index.txt";
    static final String ANNOTATION = TrackedScript.class.getName();

    private RegistryLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("registry-load-bench");
        try {
            Path jar = buildJar(root);
            measure(jar);
            if (COLD_RUNS > 0) {
                measureCold(jar);
            }
        } finally {
            GeneratedModule.deleteRecursively(root);
        }
    }

    private static Path buildJar(Path root) throws IOException {
        long start = System.nanoTime();
        List<Path> sources = new ArrayList<>(GeneratedModule.writeScripts(root.resolve("src"), SCRIPTS));
        sources.addAll(GeneratedModule.writePlainClasses(root.resolve("src"), PLAIN));
        System.out.printf(Locale.ROOT, "wrote %d sources (%d scripts) in %.1f s; compiling with the processor...%n",
                sources.size(), SCRIPTS, (System.nanoTime() - start) / 1e9);
        Path classes = Files.createDirectories(root.resolve("classes"));
        Path generated = Files.createDirectories(root.resolve("generated"));
        GeneratedModule.compileWithProcessor(sources, classes, generated, new Progress(start, sources.size()));
        Path jar = root.resolve("scripts.jar");
        int entries = jar(classes, jar);
        System.out.printf(Locale.ROOT, "built %s (%d entries, %.1f MiB) in %.1f s%n", jar, entries,
                Files.size(jar) / 1048576.0, (System.nanoTime() - start) / 1e9);
        return jar;
    }

    private static void measure(Path jar) throws IOException {
        ClassLoader parent = new HiddenRegistries(RegistryLoadBenchmark.class.getClassLoader());
        URL[] urls = {jar.toUri().toURL()};
        for (int i = 0; i < WARMUP; i++) {
            loadRegistry(urls, parent);
            scan(jar);
        }
        System.out.printf(Locale.ROOT, "%d warm-up pairs done%n", WARMUP);
        long[] registry = new long[RUNS];
        long[] scan = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            registry[i] = loadRegistry(urls, parent);
            scan[i] = scan(jar);
        }
        report("registry (ScriptCatalog.load)", registry);
        report("ClassGraph annotation scan", scan);
        System.out.printf(Locale.ROOT, "scan / registry: %.1f (median), %.1f (mean)%n",
                median(scan) / median(registry), mean(scan) / mean(registry));
    }

    /** Nanoseconds from a fresh loader over the jar to the catalog's run order of 10,000 scripts. */
    static long loadRegistry(URL[] jar, ClassLoader parent) throws IOException {
        System.gc();
        try (URLClassLoader loader = new URLClassLoader(jar, parent)) {
            long start = System.nanoTime();
            List<ScriptDefinition> order = ScriptCatalog.load(loader, List.of()).runOrder();
            int found = order.size();
            long nanos = System.nanoTime() - start;
            check("the registry", found);
            return nanos;
        }
    }

    /** Nanoseconds of a ClassGraph scan of the jar until every script's id is read from its annotation. */
    static long scan(Path jar) {
        System.gc();
        long start = System.nanoTime();
        try (ScanResult result = new ClassGraph().overrideClasspath(jar.toString())
                .acceptPackages(GeneratedModule.SCRIPT_PACKAGE).enableAnnotationInfo().scan()) {
            List<String> ids = new ArrayList<>();
            for (ClassInfo script : result.getClassesWithAnnotation(ANNOTATION)) {
                ids.add((String) script.getAnnotationInfo(ANNOTATION).getParameterValues().getValue("id"));
            }
            long nanos = System.nanoTime() - start;
            check("the scan", ids.size());
            return nanos;
        }
    }

    private static void check(String what, int found) {
        if (found != SCRIPTS) {
            throw new IllegalStateException(what + " found " + found + " scripts, not " + SCRIPTS);
        }
    }

    /** Each side once per fresh JVM, alternating: the first use at an application's start. */
    private static void measureCold(Path jar) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = GeneratedModule.classPath();
        long[] registry = new long[COLD_RUNS];
        long[] scan = new long[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            registry[i] = cold(java, classPath, "registry", jar);
            scan[i] = cold(java, classPath, "scan", jar);
        }
        report("fresh JVM: registry", registry);
        report("fresh JVM: ClassGraph scan", scan);
        System.out.printf(Locale.ROOT, "fresh JVM, scan / registry: %.1f (median), %.1f (mean)%n",
                median(scan) / median(registry), mean(scan) / mean(registry));
    }

    private static long cold(String java, String classPath, String side, Path jar)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java, "-cp", classPath, Cold.class.getName(), side, jar.toString())
                .redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null || !last.startsWith("nanos=")) {
            throw new IllegalStateException("the fresh JVM (" + side + ") failed: " + last);
        }
        return Long.parseLong(last.substring("nanos=".length()));
    }

    /** The fresh JVM's side: one load or one scan, timed from the first call; prints nanos=N. */
    public static final class Cold {

        private Cold() {
        }

        public static void main(String[] args) throws IOException {
            Path jar = Path.of(args[1]);
            long nanos = args[0].equals("registry")
                    ? loadRegistry(new URL[] {jar.toUri().toURL()}, new HiddenRegistries(Cold.class.getClassLoader()))
                    : scan(jar);
            System.out.println("nanos=" + nanos);
        }
    }

    /**
     * The benchmark's own class loader, so that both sides share the dev.scripttracker classes, with
     * its own registries hidden (this module's demo and test scripts): the registry side then sees
     * only the jar, as the scan does.
     */
    static final class HiddenRegistries extends ClassLoader {

        HiddenRegistries(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return SERVICE.equals(name) || INDEX.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }

    /** Prints how far javac is: every 2,000 sources analysed. */
    private static final class Progress implements TaskListener {

        private final long start;
        private final int total;
        private int analysed;

        Progress(long start, int total) {
            this.start = start;
            this.total = total;
        }

        @Override
        public void finished(TaskEvent event) {
            if (event.getKind() == TaskEvent.Kind.ANALYZE && ++analysed % 2_000 == 0) {
                System.out.printf(Locale.ROOT, "  %,d of %,d classes analysed (%.0f s)%n", analysed, total,
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static int jar(Path classes, Path jar) throws IOException {
        int count = 0;
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.sorted().toList()) {
                if (path.equals(classes)) {
                    continue;
                }
                String name = classes.relativize(path).toString().replace('\\', '/');
                boolean directory = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(path, out);
                }
                out.closeEntry();
                count++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count;
    }

    private static void report(String what, long[] nanos) {
        System.out.printf(Locale.ROOT, "%-31s runs=%d median=%.2f ms mean=%.2f ms min=%.2f ms max=%.2f ms%n",
                what, nanos.length, median(nanos) / 1e6, mean(nanos) / 1e6,
                Arrays.stream(nanos).min().orElse(0) / 1e6, Arrays.stream(nanos).max().orElse(0) / 1e6);
    }

    private static double median(long[] values) {
        return ProcessorCompileBenchmark.median(values);
    }

    private static double mean(long[] values) {
        return ProcessorCompileBenchmark.mean(values);
    }
}
