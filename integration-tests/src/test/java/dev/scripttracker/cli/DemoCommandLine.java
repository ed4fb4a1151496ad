package dev.scripttracker.cli;

import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh working directory with the embedded H2 default holding the demo application's table, and
 * the built jar run in it with the demo's scripts on --classpath.
 */
abstract class DemoCommandLine {

    static final String BACKFILL = "20261124090000_backfill_customer_tiers";
    static final String NORMALIZE = "20261124110000_normalize_emails";
    static final String LOYALTY = "20261124093000_award_loyalty_points";

    @TempDir
    Path dir;
    CliJar cli;

    @BeforeEach
    void createTheApplicationsTable() {
        cli = new CliJar(dir);
        try (Handle h = Jdbi.create(h2Url()).open()) {
            h.execute("create table customers (id integer primary key, email varchar(200) not null,"
                    + " spend decimal(10, 2) not null, tier varchar(20), points integer)");
            h.execute("insert into customers values (1, 'Ada@Example.com', 1500, null, null), (2, 'ada@example.com', 20, null, null)");
        }
    }

    String h2Url() {
        return "jdbc:h2:file:" + dir.resolve(".script-tracker/script-tracker") + ";AUTO_SERVER=TRUE";
    }

    CliJar.Result app(String... args) throws Exception {
        String[] withClassPath = new String[args.length + 2];
        System.arraycopy(args, 0, withClassPath, 0, args.length);
        withClassPath[args.length] = "--classpath";
        withClassPath[args.length + 1] = CliJar.DEMO_CLASSES.toString();
        return cli.run(withClassPath);
    }
}
