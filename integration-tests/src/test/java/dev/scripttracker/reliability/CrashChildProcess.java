package dev.scripttracker.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** A started {@link CrashChild} JVM; its standard output and error go to one file, which outlives it. */
record CrashChildProcess(String name, Process process, Path logFile, long startedNanos) {

    /** A process that died of SIGKILL: the JDK reports 128 + the signal's number on Linux. */
    static final int KILLED_BY_SIGKILL = 128 + 9;
    private static final Duration DEATH_PATIENCE = Duration.ofSeconds(30);

    static CrashChildProcess start(Path logDirectory, String name, String url, CrashSettings settings)
            throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                url, name, String.valueOf(settings.batchSize()), String.valueOf(settings.holdMillis()));
        Path logFile = logDirectory.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        return new CrashChildProcess(name, process, logFile, System.nanoTime());
    }

    long millisSinceStart() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /**
     * Sends SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits until the process is gone.
     *
     * @return its exit code: {@link #KILLED_BY_SIGKILL}, or its own when it had ended before
     */
    int kill() throws IOException, InterruptedException {
        process.destroyForcibly();
        return awaitExit(DEATH_PATIENCE);
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

    /** The last batch whose work this JVM began; empty when it began none. */
    OptionalLong lastBatchBegun() throws IOException {
        List<Long> begun = batchesBegun();
        return begun.isEmpty() ? OptionalLong.empty() : OptionalLong.of(begun.get(begun.size() - 1));
    }

    /**
     * The batches whose work this JVM began, from the lines the script printed. A line the kill cut
     * short (no line end) is not counted.
     */
    List<Long> batchesBegun() throws IOException {
        String text = output();
        return text.substring(0, text.lastIndexOf('\n') + 1).lines()
                .filter(line -> line.startsWith(CrashBackfillScript.BATCH_BEGINS))
                .map(line -> Long.parseLong(line.substring(CrashBackfillScript.BATCH_BEGINS.length()))).toList();
    }
}
