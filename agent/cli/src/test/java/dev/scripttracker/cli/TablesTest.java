package dev.scripttracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.Progress;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the status and history tables show of stored text that holds control characters or unknown values. */
class TablesTest {

    static final Instant STARTED = Instant.parse("2026-11-24T09:00:00Z");
    static final String NASTY = "boom\u001b[2J\u001b[31mred\rover\nnext\u0007\u0085\u202eevil";
    static final String SHOWN = "boom\\u001b[2J\\u001b[31mred\\rover\\nnext\\u0007\\u0085\\u202eevil";

    @Test
    void controlCharactersInIdsErrorsAndOperators_areEscapedInTheStatusTable() {
        String table = table(out -> StatusTable.write(List.of(state("0042_orphan\u001b[2J", ScriptStatus.FAILED,
                "eve\r@host", NASTY, null)), out));

        String row = table.lines().toList().get(1);
        assertEquals(2, table.lines().count(), table);
        assertTrue(row.startsWith("0042_orphan\\u001b[2J "), row);
        assertTrue(row.contains("eve\\r@host"), row);
        assertTrue(row.endsWith(SHOWN), row);
        assertFalse(table.chars().anyMatch(c -> c < 0x20 && c != '\n'), table);
    }

    @Test
    void controlCharactersInErrorsAndCheckpoints_areEscapedInTheHistoryTable() {
        String table = table(out -> HistoryTable.write(List.of(new HistoryEntry("run-1", "0042_x", "run", 1,
                ScriptStatus.FAILED, STARTED, STARTED.plusSeconds(2), Duration.ofSeconds(2), "eve\u001b]0;pwned\u0007",
                Map.of(), "", "java.lang.IllegalStateException", NASTY, "", 0, "loop=1\nbatch=2", null, null, null, List.of())), out));

        String row = table.lines().toList().get(1);
        assertEquals(2, table.lines().count(), table);
        assertTrue(row.contains("eve\\u001b]0;pwned\\u0007"), row);
        assertTrue(row.contains("reached [loop=1\\nbatch=2] " + SHOWN), row);
    }

    @Test
    void anUnknownStatus_isShownWithTheValueTheRowHolds() {
        String status = table(out -> StatusTable.write(List.of(state("0042_x", ScriptStatus.UNKNOWN, "eve@host", null,
                "status 'bogus'")), out));
        String history = table(out -> HistoryTable.write(List.of(new HistoryEntry("run-1", "0042_x", "run", 1,
                ScriptStatus.UNKNOWN, STARTED, STARTED, Duration.ZERO, "eve@host", Map.of(), "", null, null, null, 0,
                null, null, "status 'bogus'", null, List.of())), out));

        assertTrue(status.matches("(?s).*0042_x +unknown .*\\[unreadable: status 'bogus'; fix the row or delete it].*"),
                status);
        assertTrue(history.matches("(?s).*1  run +unknown .*\\[unreadable: status 'bogus'; fix the row or delete it].*"),
                history);
    }

    private static ScriptState state(String id, ScriptStatus status, String by, String error, String unreadable) {
        return new ScriptState(id, Optional.empty(), status, 1, 1, STARTED, STARTED.plusSeconds(2),
                Duration.ofSeconds(2), by, STARTED, Progress.NONE, "java.lang.IllegalStateException", error, "",
                false, null, null, unreadable, null, null, null);
    }

    private static String table(Consumer<PrintWriter> write) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        write.accept(out);
        out.flush();
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
