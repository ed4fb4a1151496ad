package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.StatementCount;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the command line words a dry run's statement counts. */
class DryRunReportTest {

    @Test
    void executionsTheDriverGaveNoRowCountFor_areSaidToBeUncounted_notZeroRows() {
        RunResult result = new RunResult("0042_import", RunOutcome.DRY_RUN, 0, Duration.ofMillis(40), "dry run", null,
                "", List.of(new StatementCount("update customers\n   set points = 1", 2, 2),
                        new StatementCount("insert into items (id) values (:id)", 25, 1, 24)));

        assertEquals("""
                  would change 2 row(s) in 2 execution(s): update customers set points = 1
                  would change 1 row(s) in 25 execution(s) (24 of them without a row count from the driver): \
                insert into items (id) values (:id)
                """, report(result));
    }

    private static String report(RunResult result) {
        StringWriter text = new StringWriter();
        DryRunReport.write(result, new Output(new PrintWriter(text), true, Clock.systemUTC()));
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
