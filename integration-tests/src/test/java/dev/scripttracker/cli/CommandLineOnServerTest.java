package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.contract.Holder;
import dev.scripttracker.demo.scripts.BackfillCustomerTiers;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The jar's own (relocated) drivers reach the database servers: run and status against each. */
abstract class CommandLineOnServerTest {

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    @TempDir
    Path dir;

    abstract DatabaseKind kind();

    @Test
    void runAndStatus_workAgainstTheServer() throws Exception {
        TestDatabase db = fresh.get();
        db.execute("create table customers (id integer primary key, email varchar(200) not null,"
                + " spend decimal(10, 2) not null, tier varchar(20), points integer)",
                "insert into customers values (1, 'Ada@Example.com', 1500, null, null), (2, 'ada@example.com', 20, null, null)");
        CliJar cli = new CliJar(dir);
        String classPath = CliJar.DEMO_CLASSES.toString();

        CliJar.Result run = cli.run("run", "--url", db.url(), "--classpath", classPath);
        CliJar.Result status = cli.run("status", "--json", "--url", db.url(), "--classpath", classPath);

        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.out().contains(CommandLineTest.BACKFILL + "  SUCCEEDED"), run.out());
        assertTrue(run.out().contains(CommandLineTest.NORMALIZE + "  FAILED"), run.out());
        assertEquals(0, status.exitCode(), status.all());
        assertTrue(status.out().matches("(?s).*\"id\" : \"" + CommandLineTest.BACKFILL + "\",\\s+\"status\" : \"success\".*"),
                status.out());
        assertEquals(1, db.count("select count(*) from customers where tier = 'gold'"));
    }

    @Test
    void scriptHeldByALiveProcess_waitsOutTheLockWaitThenExitsThreeNamingTheHolder() throws Exception {
        TestDatabase db = fresh.get();
        CliJar cli = new CliJar(dir);
        Holder alive = Holder.takes(db, BackfillCustomerTiers.class, Duration.ofHours(1));
        try {
            CliJar.Result locked = cli.run("run", CommandLineTest.BACKFILL, "--lock-wait", "PT2S", "--url", db.url(),
                    "--classpath", CliJar.DEMO_CLASSES.toString());

            assertEquals(3, locked.exitCode(), locked.all());
            assertTrue(locked.out().contains(Holder.WHO), locked.out());
        } finally {
            alive.finishes();
        }
        assertEquals(0, db.count("select count(*) from tracked_scripts_history"), "nothing ran");
    }

    @Test
    void statusUnderAMistypedPrefix_exitsTwoAndCreatesNoTable() throws Exception {
        TestDatabase db = fresh.get();
        CliJar cli = new CliJar(dir);

        CliJar.Result status = cli.run("status", "--url", db.url(), "--table-prefix", "tracked_scrpits",
                "--classpath", CliJar.DEMO_CLASSES.toString());

        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("no script-tracker tables named tracked_scrpits* in "), status.err());
        assertEquals(java.util.List.of(), db.tablesStartingWith("tracked_"));
    }
}
