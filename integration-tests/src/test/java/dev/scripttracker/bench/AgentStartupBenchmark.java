package dev.scripttracker.bench;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What {@code -javaagent:script-tracker.jar} adds to a JVM's start: the start-to-exit wall time of a
 * small application launched as a child JVM (from {@code java.home}, the JVM's default flags, so
 * {@code -Xshare:auto}) with the agent and without it, alternating, in one run.
 *
 * <ol>
 * <li><b>hello</b>: a hello-world main on a class path with the runtime and its libraries but no
 * registered script: the agent's bare premain cost.</li>
 * <li><b>app</b>: an application compiled with the processor, with one {@code @TrackedScript} whose
 * main has already run (recorded {@code success} in an H2 file database before measuring); its
 * {@code App} main never loads the script class.</li>
 * <li><b>script again</b>: launching that already-run script's main with the agent (refused with one
 * line, body not run: this loads Byte Buddy and JDBI and opens the database), against {@code App}
 * without the agent.</li>
 * </ol>
 *
 * <pre>mvn -q -f integration-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.scripttracker.bench.AgentStartupBenchmark</pre>
 *
 * Options: {@code -Dbench.warmup=3 -Dbench.pairs=20}; {@code -Dbench.standIn=false} skips the
 * stand-in (hello with a one-class agent jar whose premain does nothing: what any {@code -javaagent}
 * costs); {@code -Dbench.jvmOptions="-Xshare:off"} adds flags to every child JVM, both sides (none by
 * default).
 */
public final class AgentStartupBenchmark {

    static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    static final int PAIRS = Integer.getInteger("bench.pairs", 20);
    static final List<String> JVM_OPTIONS = Arrays.stream(System.getProperty("bench.jvmOptions", "").trim().split("\\s+"))
            .filter(option -> !option.isEmpty()).toList();

    /** This module's directory, from where its test classes are (exec:java keeps Maven's working directory). */
    static final Path MODULE = module();
    static final Path AGENT_JAR = MODULE.resolve("../agent/target/script-tracker.jar").normalize();
    static final Path PROCESSOR = MODULE.resolve("../processor/target/script-tracker-processor-0.1.0-SNAPSHOT.jar")
            .normalize();
    /** Whether to measure the stand-in agent too (an empty premain: what any -javaagent costs). */
    static final boolean STAND_IN = Boolean.parseBoolean(System.getProperty("bench.standIn", "true"));
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    static final String SCRIPT_ID = "20261124150000_bench_fix";

    private AgentStartupBenchmark() {
    }

    /** One kind of launch: which classes, which main, with the agent or not, and what it must print. */
    record Launch(String label, Path classes, String mainClass, Path agent, String expectOut, String expectErr) {
    }

    record Result(String label, long[] nanos) {
    }

    public static void main(String[] args) throws Exception {
        for (Path required : List.of(AGENT_JAR, PROCESSOR)) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException(required + " is missing: run mvn -q install -DskipTests first");
            }
        }
        Path root = Files.createTempDirectory("agent-startup-bench");
        try {
            run(root);
        } finally {
            GeneratedModule.deleteRecursively(root);
        }
    }

    private static void run(Path root) throws IOException, InterruptedException {
        String libraries = libraries();
        System.out.println("child JVM: " + JAVA + " " + String.join(" ", JVM_OPTIONS));
        System.out.println(launchOnce(List.of(JAVA, "-version"), root, Map.of()).err().strip());
        System.out.println("agent: " + AGENT_JAR + " (" + Files.size(AGENT_JAR) / 1024 + " KiB)");
        System.out.println("libraries on the child class path (" + libraries.split(File.pathSeparator).length + "): "
                + Arrays.stream(libraries.split(File.pathSeparator)).map(e -> Path.of(e).getFileName().toString())
                        .collect(Collectors.joining(", ")));

        Path hello = compile(root.resolve("hello"), libraries, Map.of("Hello", """
                public class Hello {
                    public static void main(String[] args) {
                        System.out.println("HELLO");
                    }
                }"""));
        if (Files.exists(hello.resolve("META-INF/script-tracker/script-classes.txt"))) {
            throw new IllegalStateException("the hello app has a script list");
        }
        Path app = compile(root.resolve("app"), libraries, Map.of("BenchFix", """
                @TrackedScript(id = "%s")
                public class BenchFix {
                    public static void main(String[] args) {
                        ScriptContext ctx = ScriptContext.current();
                        ctx.handle().execute("create table bench_items (id integer primary key)");
                        ctx.handle().execute("insert into bench_items (id) values (1)");
                        ctx.log("inserted {} row", 1);
                        System.out.println("BODY RAN");
                    }
                }""".formatted(SCRIPT_ID), "App", """
                public class App {
                    public static void main(String[] args) {
                        System.out.println("APP STARTED");
                    }
                }"""));
        if (!Files.readString(app.resolve("META-INF/script-tracker/script-classes.txt")).contains("com.acme.app.BenchFix")) {
            throw new IllegalStateException("the processor did not register the script");
        }

        Map<String, String> environment = Map.of("SCRIPT_TRACKER_URL",
                "jdbc:h2:file:" + root.resolve("db").resolve("tracker").toAbsolutePath());
        Launcher launcher = new Launcher(root, libraries, environment);
        Launch firstRun = new Launch("script, first run", app, "BenchFix", AGENT_JAR, "BODY RAN", null);
        long first = launcher.time(firstRun);
        System.out.printf(Locale.ROOT, "the script's first run with the agent (recorded success): %.0f ms%n", first / 1e6);

        Launch helloWithout = new Launch("hello, no agent", hello, "Hello", null, "HELLO", "");
        Launch helloWith = new Launch("hello, -javaagent", hello, "Hello", AGENT_JAR, "HELLO", "");
        Launch appWithout = new Launch("App, no agent", app, "App", null, "APP STARTED", "");
        Launch appWith = new Launch("App, -javaagent", app, "App", AGENT_JAR, "APP STARTED", "");
        Launch scriptAgain = new Launch("script again, -javaagent", app, "BenchFix", AGENT_JAR, null, "already success");

        List<Result[]> scenarios = new ArrayList<>();
        scenarios.add(pairs("(a) no script on the class path", launcher, helloWithout, helloWith));
        if (STAND_IN) {
            Launch helloEmptyAgent = new Launch("hello, empty stand-in agent", hello, "Hello",
                    emptyAgent(root.resolve("empty-agent"), libraries), "HELLO", "");
            scenarios.add(pairs("(a') stand-in: any -javaagent (a jar with an empty premain)", launcher, helloWithout,
                    helloEmptyAgent));
        }
        scenarios.add(pairs("(b) app whose script has already run, App main", launcher, appWithout, appWith));
        scenarios.add(pairs("(c) the already-run script's main again vs App without agent", launcher, appWithout,
                scriptAgain));

        System.out.printf(Locale.ROOT, "%nwarm-up pairs %d, measured pairs %d per scenario, milliseconds%n", WARMUP, PAIRS);
        System.out.println("| | without agent (median) | with agent (median) | difference | ratio |"
                + " without (mean) | with (mean) | difference | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result[] pair : scenarios) {
            double withoutMedian = median(pair[0].nanos()) / 1e6;
            double withMedian = median(pair[1].nanos()) / 1e6;
            double withoutMean = mean(pair[0].nanos()) / 1e6;
            double withMean = mean(pair[1].nanos()) / 1e6;
            System.out.printf(Locale.ROOT, "| %s vs %s | %.1f | %.1f | %+.1f | %.2f | %.1f | %.1f | %+.1f | %.2f |%n",
                    pair[1].label(), pair[0].label(), withoutMedian, withMedian, withMedian - withoutMedian,
                    withMedian / withoutMedian, withoutMean, withMean, withMean - withoutMean, withMean / withoutMean);
        }
    }

    /** Warm-up, then alternating pairs (the order flips each pair, so neither side always goes first). */
    private static Result[] pairs(String scenario, Launcher launcher, Launch without, Launch with)
            throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%n%s%n", scenario);
        for (int i = 0; i < WARMUP; i++) {
            launcher.time(without);
            launcher.time(with);
        }
        long[] a = new long[PAIRS];
        long[] b = new long[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            if (i % 2 == 0) {
                a[i] = launcher.time(without);
                b[i] = launcher.time(with);
            } else {
                b[i] = launcher.time(with);
                a[i] = launcher.time(without);
            }
        }
        report(without.label(), a);
        report(with.label(), b);
        System.out.printf(Locale.ROOT, "  difference %+.1f ms (median), %+.1f ms (mean); ratio %.2f (median), %.2f (mean)%n",
                (median(b) - median(a)) / 1e6, (mean(b) - mean(a)) / 1e6, median(b) / median(a), mean(b) / mean(a));
        return new Result[] {new Result(without.label(), a), new Result(with.label(), b)};
    }

    /** Launches child JVMs and times them from just before the process starts until it has exited. */
    private static final class Launcher {

        private final Path directory;
        private final String libraries;
        private final Map<String, String> environment;

        Launcher(Path directory, String libraries, Map<String, String> environment) {
            this.directory = directory;
            this.libraries = libraries;
            this.environment = environment;
        }

        long time(Launch launch) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(JAVA);
            command.addAll(JVM_OPTIONS);
            if (launch.agent() != null) {
                command.add("-javaagent:" + launch.agent());
            }
            command.addAll(List.of("-cp", launch.classes() + File.pathSeparator + libraries,
                    "com.acme.app." + launch.mainClass()));
            long start = System.nanoTime();
            Output output = launchOnce(command, directory, environment);
            long nanos = System.nanoTime() - start;
            if (output.exitCode() != 0
                    || (launch.expectOut() != null && !output.out().contains(launch.expectOut()))
                    || (launch.expectOut() == null && output.out().contains("BODY RAN"))
                    || (launch.expectErr() != null && (launch.expectErr().isEmpty() ? !output.err().isBlank()
                            : !output.err().contains(launch.expectErr())))) {
                throw new IllegalStateException(launch.label() + " did not behave as expected: exit "
                        + output.exitCode() + "\nout: " + output.out() + "\nerr: " + output.err());
            }
            return nanos;
        }
    }

    record Output(int exitCode, String out, String err) {
    }

    private static Output launchOnce(List<String> command, Path directory, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = directory.resolve("out.log");
        Path err = directory.resolve("err.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SCRIPT_TRACKER_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 2 minutes");
        }
        return new Output(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Compiles {@code com.acme.app} sources with the processor, as AgentApp does; returns the classes. */
    private static Path compile(Path dir, String libraries, Map<String, String> sources) throws IOException {
        Path sourceDir = Files.createDirectories(dir.resolve("src/com/acme/app"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            files.add(Files.writeString(sourceDir.resolve(source.getKey() + ".java"),
                    "package com.acme.app;\n\nimport dev.scripttracker.*;\n\n" + source.getValue() + "\n"));
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(log, fileManager, null, List.of("-d", classes.toString(), "-classpath", libraries,
                    "-processorpath", PROCESSOR.toString()), null, fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("the benchmark app did not compile:\n" + log);
            }
        }
        return classes;
    }

    /** A one-class agent jar whose premain does nothing: the JVM's own cost of any -javaagent. */
    private static Path emptyAgent(Path dir, String libraries) throws IOException {
        Path classes = compile(dir, libraries, Map.of("EmptyAgent", """
                public final class EmptyAgent {
                    public static void premain(String arguments, java.lang.instrument.Instrumentation instrumentation) {
                    }
                }"""));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "com.acme.app.EmptyAgent");
        Path jar = dir.resolve("empty-agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("com/acme/app/EmptyAgent.class"));
            Files.copy(classes.resolve("com/acme/app/EmptyAgent.class"), out);
            out.closeEntry();
        }
        return jar;
    }

    /**
     * The benchmark's class path (GeneratedModule.classPath: the class loaders' URLs, since under
     * exec:java {@code java.class.path} is Maven's launcher) without this module's own classes, whose
     * demo and test scripts are not the app's, and without Maven's own jars.
     */
    static String libraries() {
        String own = MODULE.resolve("target").toString();
        String mavenHome = System.getProperty("maven.home");
        return Arrays.stream(GeneratedModule.classPath().split(File.pathSeparator))
                .filter(entry -> !entry.startsWith(own))
                .filter(entry -> mavenHome == null || !Path.of(entry).toAbsolutePath().startsWith(Path.of(mavenHome)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path module() {
        try {
            Path testClasses = Path.of(AgentStartupBenchmark.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return testClasses.getParent().getParent().toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, long[] nanos) {
        System.out.printf(Locale.ROOT, "  %-26s runs=%d median=%.1f ms mean=%.1f ms min=%.1f ms max=%.1f ms%n", what,
                nanos.length, median(nanos) / 1e6, mean(nanos) / 1e6, Arrays.stream(nanos).min().orElse(0) / 1e6,
                Arrays.stream(nanos).max().orElse(0) / 1e6);
    }

    private static double median(long[] values) {
        return ProcessorCompileBenchmark.median(values);
    }

    private static double mean(long[] values) {
        return ProcessorCompileBenchmark.mean(values);
    }
}
