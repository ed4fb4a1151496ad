package dev.scripttracker.bench;

import dev.scripttracker.processor.TrackedScriptProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the annotation processor adds to a build: javac, in process, compiles a generated module of
 * 1,000 {@code @TrackedScript} classes and 200 ordinary classes without the processor
 * ({@code -proc:none}) and with it (given to the task as an object), alternating, in one JVM, each
 * time into fresh output directories. Prints median and mean milliseconds of each side and the ratio.
 *
 * <p>To tell the processor's own work from javac's cost of running any processor, each measured
 * pair is followed by two builds with stand-in processors that do nothing: one that only claims
 * nothing ({@link Idle}), one that also writes a one-line source in its first round, as the processor
 * wrote its registry class until it wrote resources only ({@link OneSource}), which makes javac run a
 * second round.
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.ProcessorCompileBenchmark</pre>
 *
 * Options: {@code -Dbench.scripts=1000 -Dbench.plain=200 -Dbench.warmup=3 -Dbench.pairs=15
 * -Dbench.breakdown=false} (no stand-in builds).
 */
public final class ProcessorCompileBenchmark {

    static final int SCRIPTS = Integer.getInteger("bench.scripts", 1_000);
    static final int PLAIN = Integer.getInteger("bench.plain", 200);
    static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    static final int PAIRS = Integer.getInteger("bench.pairs", 15);
    static final boolean BREAKDOWN = Boolean.parseBoolean(System.getProperty("bench.breakdown", "true"));

    private ProcessorCompileBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Files.createTempDirectory("processor-compile-bench");
        try {
            List<Path> sources = new ArrayList<>(GeneratedModule.writeScripts(root.resolve("src"), SCRIPTS));
            sources.addAll(GeneratedModule.writePlainClasses(root.resolve("src"), PLAIN));
            System.out.printf(Locale.ROOT, "%d sources (%d scripts, %d ordinary classes) in %s%n",
                    sources.size(), SCRIPTS, PLAIN, root);
            measure(root, sources, GeneratedModule.classPath());
        } finally {
            GeneratedModule.deleteRecursively(root);
        }
    }

    private static void measure(Path root, List<Path> sources, String classPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int[] build = {0};
        for (int i = 0; i < WARMUP; i++) {
            compile(javac, root.resolve("out" + build[0]++), sources, classPath, null);
            compile(javac, root.resolve("out" + build[0]++), sources, classPath, TrackedScriptProcessor::new);
            if (BREAKDOWN) {
                compile(javac, root.resolve("out" + build[0]++), sources, classPath, Idle::new);
                compile(javac, root.resolve("out" + build[0]++), sources, classPath, OneSource::new);
            }
            System.out.printf(Locale.ROOT, "warm-up pair %d of %d done%n", i + 1, WARMUP);
        }
        long[] without = new long[PAIRS];
        long[] with = new long[PAIRS];
        long[] idle = new long[PAIRS];
        long[] oneSource = new long[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            without[i] = compile(javac, root.resolve("out" + build[0]++), sources, classPath, null);
            with[i] = compile(javac, root.resolve("out" + build[0]++), sources, classPath, TrackedScriptProcessor::new);
            if (BREAKDOWN) {
                idle[i] = compile(javac, root.resolve("out" + build[0]++), sources, classPath, Idle::new);
                oneSource[i] = compile(javac, root.resolve("out" + build[0]++), sources, classPath, OneSource::new);
            }
            System.out.printf(Locale.ROOT, "pair %2d: without %7.1f ms, with %7.1f ms%s%n", i + 1, without[i] / 1e6,
                    with[i] / 1e6, BREAKDOWN ? String.format(Locale.ROOT, " (idle processor %7.1f ms,"
                            + " one-source processor %7.1f ms)", idle[i] / 1e6, oneSource[i] / 1e6) : "");
        }
        report("javac -proc:none", without);
        report("javac + TrackedScriptProcessor", with);
        ratio("with / without", with, without);
        if (BREAKDOWN) {
            report("javac + idle processor", idle);
            report("javac + one-source processor", oneSource);
            ratio("idle / without", idle, without);
            ratio("one-source / without", oneSource, without);
            ratio("with / idle", with, idle);
            ratio("with / one-source", with, oneSource);
        }
    }

    private static void ratio(String what, long[] a, long[] b) {
        System.out.printf(Locale.ROOT, "%-22s %.3f (median), %.3f (mean); difference %6.1f ms (median),"
                        + " %6.1f ms (mean)%n", what + ":", median(a) / median(b), mean(a) / mean(b),
                (median(a) - median(b)) / 1e6, (mean(a) - mean(b)) / 1e6);
    }

    /** A processor that sees every round and does nothing: what running any processor costs javac. */
    static class Idle extends AbstractProcessor {

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return false;
        }
    }

    /** {@link Idle}, but writes one tiny class in its first round, so javac runs a second round. */
    static final class OneSource extends Idle {

        private boolean written;

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written) {
                written = true;
                try (var writer = processingEnv.getFiler().createSourceFile("com.acme.scripts.Generated").openWriter()) {
                    writer.write("package com.acme.scripts;\n\nfinal class Generated {\n}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    private static long compile(JavaCompiler javac, Path out, List<Path> sources, String classPath,
            Supplier<Processor> processor) {
        Processor created = processor == null ? null : processor.get();
        return compile(javac, out, sources, classPath, created, created instanceof TrackedScriptProcessor,
                System::nanoTime);
    }

    /**
     * One build into fresh directories; returns how much of {@code clock} {@code task.call()} took.
     * The garbage of the previous build is collected first, outside the measurement, so that neither
     * side pays for the other's.
     *
     * @param processor null for {@code -proc:none}
     * @param writesRegistry whether the build must write the registry's index (checked)
     */
    static long compile(JavaCompiler javac, Path out, List<Path> sources, String classPath, Processor processor,
            boolean writesRegistry, LongSupplier clock) {
        try {
            Files.createDirectories(out.resolve("classes"));
            Files.createDirectories(out.resolve("generated"));
            System.gc();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            long elapsed;
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                List<String> options = new ArrayList<>(List.of("--release", "17", "-g", "-encoding", "UTF-8",
                        "-d", out.resolve("classes").toString(), "-s", out.resolve("generated").toString(),
                        "-classpath", classPath));
                if (processor == null) {
                    options.add("-proc:none");
                }
                JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                        files.getJavaFileObjectsFromPaths(sources));
                if (processor != null) {
                    task.setProcessors(List.of(processor));
                }
                long start = clock.getAsLong();
                boolean ok = task.call();
                elapsed = clock.getAsLong() - start;
                if (!ok) {
                    throw new IllegalStateException("the build failed: " + diagnostics.getDiagnostics());
                }
            }
            boolean registered = Files.exists(out.resolve("classes/META-INF/script-tracker/index.txt"));
            if (registered != writesRegistry) {
                throw new IllegalStateException("a build " + (registered ? "wrote" : "did not write") + " a registry");
            }
            GeneratedModule.deleteRecursively(out);
            return elapsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String what, long[] nanos) {
        System.out.printf(Locale.ROOT, "%-31s builds=%d median=%.1f ms mean=%.1f ms min=%.1f ms max=%.1f ms%n",
                what, nanos.length, median(nanos) / 1e6, mean(nanos) / 1e6,
                Arrays.stream(nanos).min().orElse(0) / 1e6, Arrays.stream(nanos).max().orElse(0) / 1e6);
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
