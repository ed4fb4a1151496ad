package dev.scripttracker.reliability;

import dev.scripttracker.testing.TestDatabase;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/** The crash test's table, {@code crash_rows(id, counter)}, and what it reads from the database. */
final class CrashRows {

    private static final int ROWS_PER_INSERT = 1_000;

    private CrashRows() {
    }

    static void create(TestDatabase db, int rows) {
        db.execute("create table crash_rows (id integer primary key, counter integer not null)");
        try (Handle h = db.jdbi().open()) {
            for (int first = 1; first <= rows; first += ROWS_PER_INSERT) {
                h.execute("insert into crash_rows (id, counter) values " + IntStream
                        .range(first, Math.min(rows + 1, first + ROWS_PER_INSERT))
                        .mapToObj(id -> "(" + id + ", 0)").collect(Collectors.joining(", ")));
            }
        }
    }

    /** E.g. {@code PostgreSQL 15.20 (Debian ...)} or {@code MariaDB 10.11.19-MariaDB-0+deb12u1}. */
    static String version(TestDatabase db) {
        try (Handle h = db.jdbi().open()) {
            String version = h.createQuery("select version()").mapTo(String.class).one();
            return version.startsWith("PostgreSQL") ? version : "MariaDB " + version;
        }
    }

    /** Rows of the state and the history tables that still say {@code running}, for any script. */
    static long leftRunning(TestDatabase db) {
        return db.count("select count(*) from tracked_scripts where status = 'running'")
                + db.count("select count(*) from tracked_scripts_history where status = 'running'");
    }
}
