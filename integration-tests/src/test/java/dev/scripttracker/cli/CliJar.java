package dev.scripttracker.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built script-tracker.jar in a JVM of its own, as a user does, with a bounded wait. */
final class CliJar {

    static final Path JAR = Path.of(System.getProperty("user.dir")).resolve("../agent/target/script-tracker.jar")
            .normalize();
    /** The demo application's classes, compiled with the processor by this module. */
    static final Path DEMO_CLASSES = Path.of(System.getProperty("user.dir")).resolve("target/classes");

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path workingDirectory;

    CliJar(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    Result run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return execute(environment, javaJar(args), null, args);
    }

    /**
     * Runs the jar on a pseudo-terminal, as at an interactive shell: util-linux {@code script} gives it
     * one, and its output is what the terminal would show.
     */
    Result runOnTerminal(String... args) throws IOException, InterruptedException {
        return execute(Map.of("COLUMNS", "120"), List.of("script", "-qec", shellCommand(args), "/dev/null"), null,
                args);
    }

    /**
     * As {@link #runOnTerminal}, typing {@code typed} and Enter once the terminal shows {@code prompt}, as a
     * person does (typed earlier, the terminal would echo it before the program could turn echo off).
     */
    Result runOnTerminalAnswering(String prompt, String typed, String... args) throws IOException, InterruptedException {
        return execute(Map.of("COLUMNS", "120"), List.of("script", "-qec", shellCommand(args), "/dev/null"),
                new Answer(prompt, typed), args);
    }

    private record Answer(String prompt, String typed) {
    }

    private static String shellCommand(String... args) {
        return javaJar(args).stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static List<String> javaJar(String... args) {
        if (!Files.exists(JAR)) {
            throw new AssertionError(JAR + " is missing: build the agent module first (mvn install)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Result execute(Map<String, String> environment, List<String> command, Answer answer, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workingDirectory, "cli", ".out");
        Path err = Files.createTempFile(workingDirectory, "cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(k -> k.startsWith("SCRIPT_TRACKER_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (answer != null) {
            awaitOutput(out, answer.prompt(), process);
            process.getOutputStream().write((answer.typed() + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("script-tracker " + String.join(" ", args) + " did not finish within 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void awaitOutput(Path out, String expected, Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.readString(out, StandardCharsets.UTF_8).contains(expected)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the terminal never showed \"" + expected + "\":\n" + Files.readString(out));
            }
            Thread.sleep(50);
        }
    }
}
