package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Mistakes on the command line: each exits 2 with a message saying what was wrong and what to do. */
class UsageErrorsTest extends DemoCommandLine {

    @Test
    void mysqlUrl_exitsTwoSayingThatConnectorJGoesOnTheClassPath() throws Exception {
        CliJar.Result status = cli.run("status", "--url", "jdbc:mysql://127.0.0.1:3306/test?user=root&password=s3cret");

        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("no JDBC driver on the class path can open jdbc:mysql://127.0.0.1:3306/test")
                && status.err().contains("MySQL Connector/J") && status.err().contains("--classpath"), status.err());
        assertFalse(status.err().contains("check that the database is running"), status.err());
        assertFalse(status.err().contains("s3cret"), status.err());
    }

    @Test
    void emptyUrl_exitsTwoInsteadOfFallingBackToTheEmbeddedDatabase() throws Exception {
        CliJar.Result status = cli.run("status", "--url", "");
        CliJar.Result prefix = cli.run("status", "--table-prefix", " ");

        assertEquals(2, status.exitCode(), status.all());
        assertTrue(status.err().contains("--url is empty; give the JDBC URL"), status.err());
        assertEquals(2, prefix.exitCode(), prefix.all());
        assertTrue(prefix.err().contains("--table-prefix is empty"), prefix.err());
        try (Handle h = Jdbi.create(h2Url()).open()) {
            assertEquals(0, h.createQuery("select count(*) from information_schema.tables"
                    + " where lower(table_name) like 'tracked_scripts%'").mapTo(Integer.class).one(),
                    "the embedded database was not used");
        }
    }


}
