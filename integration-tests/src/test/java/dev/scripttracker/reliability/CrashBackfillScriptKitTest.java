package dev.scripttracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scripttracker.test.ScriptKit;
import dev.scripttracker.test.ScriptTest;
import dev.scripttracker.test.ScriptUnderTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The crash test's backfill, checked with the test kit: a failed batch and a resume count every row once. */
@ScriptTest
class CrashBackfillScriptKitTest {

    @BeforeEach
    void rows(ScriptKit kit) {
        kit.execute("create table crash_rows (id integer primary key, counter integer not null)");
        kit.jdbi().useHandle(h -> {
            var insert = h.prepareBatch("insert into crash_rows values (:id, 0)");
            for (int id = 1; id <= 50; id++) {
                insert.bind("id", id).add();
            }
            insert.execute();
        });
    }

    @Test
    void resumes_atAnyBatch_withEveryRowCountedOnce(ScriptKit kit) {
        ScriptUnderTest backfill = kit.script(CrashBackfillScript.class)
                .with(CrashBackfillScript.SIZE, "7").with(CrashBackfillScript.HOLD_MILLIS, "0");

        for (int batch : new int[] {1, 4, 8}) {
            backfill.assertResumable(batch).assertSucceeded();
        }

        // Each assertion leaves the end state of one clean run: every row counted once per assertion.
        assertEquals(0L, (long) kit.jdbi().withHandle(h ->
                h.select("select count(*) from crash_rows where counter <> 3").mapTo(Long.class).one()));
    }
}
