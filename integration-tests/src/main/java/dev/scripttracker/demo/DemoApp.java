package dev.scripttracker.demo;

import dev.scripttracker.RunReport;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.ScriptTrackerBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small application with four scripts on the embedded H2 default under ./.script-tracker/:
 * two succeed (one in checkpointed batches), one skips, one fails and is rolled back. Run it twice: the second time nothing that
 * succeeded or skipped runs again.
 */
public final class DemoApp {

    private DemoApp() {
    }

    public static void main(String[] args) throws SQLException {
        createCustomers();
        try (ScriptTracker tracker = ScriptTracker.builder().build()) {
            RunReport report = tracker.runPending();
            System.out.println("This run:");
            for (RunResult result : report.results()) {
                System.out.printf("  %-40s %-14s %s%n", result.scriptId(), result.outcome(), result.message());
            }
            System.out.println();
            System.out.println("State of every script (" + ScriptTrackerBuilder.DEFAULT_URL + "):");
            StatusTable.print(tracker.status(), System.out);
        }
    }

    /** The application's own table, as its schema migrations would have made it. */
    private static void createCustomers() throws SQLException {
        // Demo databases from before the loyalty points script lack the column; a migration would add it.
        try (Connection c = DriverManager.getConnection(ScriptTrackerBuilder.DEFAULT_URL);
                Statement s = c.createStatement()) {
            s.execute("create table if not exists customers (id integer primary key, email varchar(200) not null,"
                    + " spend decimal(10, 2) not null, tier varchar(20), points integer)");
            s.execute("alter table customers add column if not exists points integer");
            try (ResultSet existing = s.executeQuery("select count(*) from customers")) {
                existing.next();
                if (existing.getLong(1) > 0) {
                    return;
                }
            }
            s.execute("insert into customers values (1, 'Ada@Example.com', 1500, null, null),"
                    + " (2, 'ada@example.com', 20, null, null), (3, 'grace@example.com', 2500, null, null),"
                    + " (4, 'linus@example.com', 300, null, null)");
        }
    }
}
