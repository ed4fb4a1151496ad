package dev.scripttracker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo, run twice in a fresh working directory on the H2 default. */
class DemoAppTest {

    @TempDir
    Path workingDirectory;

    @Test
    void demo_runsEachScriptOnceAndRetriesOnlyTheRolledBackFailure() throws Exception {
        ChildJvm.Result first = ChildJvm.run(workingDirectory, DemoApp.class);
        ChildJvm.Result second = ChildJvm.run(workingDirectory, DemoApp.class);

        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().matches("(?s).*20261124090000_backfill_customer_tiers +SUCCEEDED.*"), first.output());
        assertTrue(first.output().matches("(?s).*20261124093000_award_loyalty_points +SUCCEEDED.*"), first.output());
        assertTrue(first.output().matches("(?s).*20261124100000_remove_test_accounts +SKIPPED.*"), first.output());
        assertTrue(first.output().matches("(?s).*20261124110000_normalize_emails +FAILED.*"), first.output());
        assertEquals(0, second.exitCode(), second.output());
        assertTrue(second.output().matches("(?s).*20261124090000_backfill_customer_tiers +ALREADY_DONE.*"), second.output());
        assertTrue(second.output().matches("(?s).*20261124100000_remove_test_accounts +ALREADY_DONE.*"), second.output());
        try (Handle h = Jdbi.create("jdbc:h2:file:" + workingDirectory.resolve(".script-tracker/script-tracker")
                + ";AUTO_SERVER=TRUE").open()) {
            Map<String, Integer> attempts = h.createQuery("select script_id, attempt from tracked_scripts")
                    .setMapKeyColumn("script_id").setMapValueColumn("attempt")
                    .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, Integer>>() { });
            assertEquals(Map.of("20261124090000_backfill_customer_tiers", 1, "20261124093000_award_loyalty_points", 1,
                    "20261124100000_remove_test_accounts", 1,
                    "20261124110000_normalize_emails", 2), attempts);
            assertEquals(List.of("Ada@Example.com"), h.createQuery("select email from customers where email <> lower(email)")
                    .mapTo(String.class).list(), "the failed script's lower-casing must have been rolled back");
            assertEquals(List.of(1, 3), h.createQuery("select id from customers where tier = 'gold' order by id")
                    .mapTo(Integer.class).list());
            assertEquals(List.of(150, 2, 250, 30), h.createQuery("select points from customers order by id")
                    .mapTo(Integer.class).list(), "points awarded once, in batches of two");
        }
    }
}
