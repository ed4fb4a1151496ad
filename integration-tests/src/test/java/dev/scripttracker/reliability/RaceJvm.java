package dev.scripttracker.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A started JVM of the race, whose output goes to a file. */
record RaceJvm(String name, Process process, Path output) {

    /** How a JVM of the race ended; {@code finishedInTime} is false when it was killed at the deadline. */
    record Ending(String name, boolean finishedInTime, int exitCode, String output) {

        /** The scripts this JVM reported it ran itself. */
        List<String> scriptsItRan() {
            return output.lines().filter(line -> line.startsWith(RaceChild.RAN))
                    .map(line -> line.substring(RaceChild.RAN.length())).toList();
        }
    }

    /** Waits until {@code deadline}; a JVM still running then is killed. */
    Ending awaitUntil(Instant deadline) throws IOException, InterruptedException {
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        boolean finished = process.waitFor(left, TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        return new Ending(name, finished, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    void killIfAlive() {
        process.destroyForcibly();
    }
}
