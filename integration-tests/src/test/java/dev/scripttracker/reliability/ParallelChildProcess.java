package dev.scripttracker.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A started {@link ParallelChild} JVM; its standard output and error go to one file, which outlives it. */
record ParallelChildProcess(String name, Process process, Path logFile) {

    static ParallelChildProcess start(Path logDirectory, String name, String url, int batchSize, long holdMillis,
            long leaseMillis) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParallelChild.class.getName(), url, name,
                String.valueOf(batchSize), String.valueOf(holdMillis), String.valueOf(leaseMillis));
        Path logFile = logDirectory.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        return new ParallelChildProcess(name, process, logFile);
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux), and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the process to end by itself; one still running after {@code patience} is killed and reported. */
    int awaitExit(Duration patience) throws IOException, InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " was still running after " + patience + "; its output:\n" + output());
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(logFile, StandardCharsets.UTF_8);
    }

    List<String> outcomes() throws IOException {
        return output().lines().filter(line -> line.startsWith(ParallelChild.OUTCOME))
                .map(line -> line.substring(ParallelChild.OUTCOME.length())).toList();
    }
}
