package dev.scripttracker.spring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scripttracker.spring.fleet.FleetApplication;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Six instances of a Spring Boot application start together with run-pending (they wait for one
 * another just before the start-up run): each script runs once.
 */
abstract class FleetStartupContractTest {

    private static final int INSTANCES = 6;
    private static final List<String> SCRIPTS = List.of("20261202090000_seed_ledger", "20261202100000_audit_ledger");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(kind());

    @TempDir
    Path logs;

    @TempDir
    Path rendezvous;

    abstract DatabaseKind kind();

    @Test
    void sixInstancesStartingTogether_runEachScriptOnce() throws Exception {
        List<Process> fleet = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            fleet.add(launch(logs.resolve("instance-" + i + ".log")));
        }
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            Process instance = fleet.get(i);
            boolean exited = instance.waitFor(3, TimeUnit.MINUTES);
            String output = Files.readString(logs.resolve("instance-" + i + ".log"), StandardCharsets.UTF_8);
            if (!exited) {
                fleet.forEach(Process::destroyForcibly);
                throw new AssertionError("instance " + i + " did not start within 3 minutes:\n" + output);
            }
            assertEquals(0, instance.exitValue(), "instance " + i + " failed to start:\n" + output);
            outputs.add(output);
        }
        for (String script : SCRIPTS) {
            System.out.println("fleet of " + INSTANCES + " on " + kind() + ", " + script + ": " + outputs.stream()
                    .map(o -> outcomeIn(o, script)).collect(Collectors.groupingBy(o -> o, TreeMap::new,
                            Collectors.counting())));
            long ranIt = outputs.stream().filter(o -> o.contains("script " + script + ": SUCCEEDED")).count();
            assertEquals(1, ranIt, script + " ran in " + ranIt + " instances");
            assertEquals(1, db.get().count("select count(*) from tracked_scripts_history where script_id = '"
                    + script + "'"));
        }
        assertEquals(20, db.get().count("select count(*) from ledger"));
        assertEquals(20, db.get().count("select count(*) from audit_log"), "an entry was audited twice or not at all");
    }

    private static String outcomeIn(String output, String script) {
        Matcher outcome = Pattern.compile("script " + Pattern.quote(script) + ": ([A-Z_]+)").matcher(output);
        return outcome.find() ? outcome.group(1) : "no outcome line";
    }

    private Process launch(Path log) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FleetApplication.class.getName(), "--spring.datasource.url=" + db.get().url(),
                "--spring.main.banner-mode=off", "--spring.liquibase.enabled=false", "--scripttracker.run-pending=true", "--scripttracker.lock-wait=2m",
                "--fleet.rendezvous=" + rendezvous, "--fleet.instances=" + INSTANCES);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
