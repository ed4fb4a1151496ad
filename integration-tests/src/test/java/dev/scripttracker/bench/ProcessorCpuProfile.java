package dev.scripttracker.bench;

import dev.scripttracker.processor.TrackedScriptProcessor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The processor's own CPU time, which a busy machine does not distort as it does wall-clock time:
 * javac compiles the module of {@link ProcessorCompileBenchmark} in process, with
 * {@link TrackedScriptProcessor} wrapped so that the CPU time of this thread is summed around each
 * of its {@code init} and {@code process} calls; each build is one of that benchmark's. Prints the
 * median per build of the processor's own time and of the whole {@code task.call()}'s CPU time.
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.ProcessorCpuProfile</pre>
 *
 * Options: {@code -Dbench.scripts=1000 -Dbench.plain=200 -Dbench.warmup=3 -Dbench.builds=10}. Run
 * it with {@code -XX:StartFlightRecording} to see where the processor's time goes.
 */
public final class ProcessorCpuProfile {

    static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    static final int BUILDS = Integer.getInteger("bench.builds", 10);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProcessorCpuProfile() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Files.createTempDirectory("processor-cpu-profile");
        try {
            List<Path> sources = new ArrayList<>(GeneratedModule.writeScripts(root.resolve("src"),
                    ProcessorCompileBenchmark.SCRIPTS));
            sources.addAll(GeneratedModule.writePlainClasses(root.resolve("src"), ProcessorCompileBenchmark.PLAIN));
            String classPath = GeneratedModule.classPath();
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            long[] own = new long[BUILDS];
            long[] whole = new long[BUILDS];
            for (int i = -WARMUP; i < BUILDS; i++) {
                Timed processor = new Timed(new TrackedScriptProcessor());
                long build = ProcessorCompileBenchmark.compile(javac, root.resolve("out"), sources, classPath, processor,
                        true, THREADS::getCurrentThreadCpuTime);
                System.out.printf(Locale.ROOT, "%s %2d: processor %6.1f ms CPU, whole build %7.1f ms CPU%n",
                        i < 0 ? "warm-up" : "build  ", Math.abs(i < 0 ? i + WARMUP + 1 : i + 1),
                        processor.nanos / 1e6, build / 1e6);
                if (i >= 0) {
                    own[i] = processor.nanos;
                    whole[i] = build;
                }
            }
            System.out.printf(Locale.ROOT, "median of %d builds: processor %.1f ms CPU (min %.1f), whole build %.1f ms"
                    + " CPU (min %.1f)%n", BUILDS, ProcessorCompileBenchmark.median(own) / 1e6,
                    Arrays.stream(own).min().orElse(0) / 1e6, ProcessorCompileBenchmark.median(whole) / 1e6,
                    Arrays.stream(whole).min().orElse(0) / 1e6);
        } finally {
            GeneratedModule.deleteRecursively(root);
        }
    }

    /** Delegates to a processor and sums this thread's CPU time spent in its {@code init} and {@code process}. */
    private static final class Timed implements Processor {

        private final Processor delegate;
        long nanos;

        Timed(Processor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void init(ProcessingEnvironment env) {
            long start = THREADS.getCurrentThreadCpuTime();
            delegate.init(env);
            nanos += THREADS.getCurrentThreadCpuTime() - start;
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                return delegate.process(annotations, round);
            } finally {
                nanos += THREADS.getCurrentThreadCpuTime() - start;
            }
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
