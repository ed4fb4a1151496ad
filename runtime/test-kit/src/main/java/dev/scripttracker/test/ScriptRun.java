package dev.scripttracker.test;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * What one run of a script did: its {@link RunResult}, the script's recorded status afterwards, and the
 * rows it changed in the test's tables (a snapshot before and after the run, compared by primary key).
 * Each assertion returns this run, so they chain; a failing one says what differed and shows the run.
 */
public final class ScriptRun {

    private final RunResult result;
    private final ScriptStatus status;
    private final DataChanges changes;

    ScriptRun(RunResult result, ScriptStatus status, DataChanges changes) {
        this.result = result;
        this.status = status;
        this.changes = changes;
    }

    public RunResult result() {
        return result;
    }

    public RunOutcome outcome() {
        return result.outcome();
    }

    /** The script's recorded status after the run ({@code PENDING} when nothing is recorded, as after a dry run). */
    public ScriptStatus status() {
        return status;
    }

    /** The rows the run changed, per table. */
    public DataChanges changes() {
        return changes;
    }

    /** The captured output, timestamps and all. */
    public String output() {
        return result.output();
    }

    /** The captured output's lines without their timestamps: what {@code ctx.log} was given, formatted. */
    public List<String> outputLines() {
        return result.output().lines().map(ScriptRun::withoutTimestamp).toList();
    }

    private static String withoutTimestamp(String line) {
        int space = line.indexOf(' ');
        if (space > 0) {
            try {
                Instant.parse(line.substring(0, space));
                return line.substring(space + 1);
            } catch (DateTimeParseException notATimestamp) {
                // a line the script printed across a line break
            }
        }
        return line;
    }

    public ScriptRun assertOutcome(RunOutcome expected) {
        if (result.outcome() != expected) {
            throw new AssertionFailedError("expected " + result.scriptId() + " to end " + expected + ", but it ended "
                    + result.outcome() + "\n" + describe(), expected, result.outcome());
        }
        return this;
    }

    public ScriptRun assertSucceeded() {
        return assertOutcome(RunOutcome.SUCCEEDED);
    }

    public ScriptRun assertSkipped() {
        return assertOutcome(RunOutcome.SKIPPED);
    }

    public ScriptRun assertFailed() {
        return assertOutcome(RunOutcome.FAILED);
    }

    public ScriptRun assertStatus(ScriptStatus expected) {
        if (status != expected) {
            throw new AssertionFailedError("expected " + result.scriptId() + " to be recorded " + expected.label()
                    + ", but it is " + status.label() + "\n" + describe(), expected, status);
        }
        return this;
    }

    /** Some line of the output (timestamps left out) contains {@code fragment}. */
    public ScriptRun assertOutputContains(String fragment) {
        if (outputLines().stream().noneMatch(line -> line.contains(fragment))) {
            throw new AssertionFailedError("expected a line of " + result.scriptId() + "'s output to contain \""
                    + fragment + "\", but none does. Output:\n" + shownOutput(), fragment, String.join("\n", outputLines()));
        }
        return this;
    }

    /** The output's lines (timestamps left out) are exactly these, in this order. */
    public ScriptRun assertOutputLines(String... expected) {
        List<String> lines = outputLines();
        if (!lines.equals(Arrays.asList(expected))) {
            int first = firstDifference(lines, Arrays.asList(expected));
            throw new AssertionFailedError("expected " + result.scriptId() + "'s output to be " + expected.length
                    + " lines, as given, but it has " + lines.size() + " and differs at line " + (first + 1)
                    + ": expected " + quoted(expected, first) + ", was " + quoted(lines.toArray(String[]::new), first)
                    + ". Output:\n" + shownOutput(), String.join("\n", expected), String.join("\n", lines));
        }
        return this;
    }

    public ScriptRun assertNoRowsChanged() {
        if (!changes.isEmpty()) {
            throw new AssertionFailedError("expected " + result.scriptId() + " to change no row, but it changed "
                    + DataChanges.rows(changes.rowsChanged()) + ":\n" + changes.describe(), 0, changes.rowsChanged());
        }
        return this;
    }

    /** {@code table} has {@code expected} rows inserted, updated or deleted in all. */
    public ScriptRun assertRowsChanged(String table, int expected) {
        TableChanges inTable = changes.table(table);
        if (inTable.rowsChanged() != expected) {
            throw new AssertionFailedError("expected " + result.scriptId() + " to change " + DataChanges.rows(expected)
                    + " of table " + inTable.table() + ", but it changed " + inTable.rowsChanged() + ". All changes:\n"
                    + changes.describe() + "\n" + describe(), expected, inTable.rowsChanged());
        }
        return this;
    }

    private static int firstDifference(List<String> actual, List<String> expected) {
        int i = 0;
        while (i < actual.size() && i < expected.size() && actual.get(i).equals(expected.get(i))) {
            i++;
        }
        return i;
    }

    private static String quoted(String[] lines, int index) {
        return index < lines.length ? "\"" + lines[index] + "\"" : "no line";
    }

    private String shownOutput() {
        return result.output().isEmpty() ? "  (none)" : result.output().lines().map(l -> "  " + l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** The run as a failure message shows it: outcome, message, error, output. */
    String describe() {
        StringBuilder text = new StringBuilder("run of ").append(result.scriptId()).append(": ").append(result.outcome())
                .append(", recorded ").append(status.label()).append(" — ").append(result.message());
        if (result.error() != null) {
            StringWriter trace = new StringWriter();
            result.error().printStackTrace(new PrintWriter(trace));
            text.append("\nerror: ").append(trace.toString().strip());
        }
        return text.append("\noutput:\n").append(shownOutput()).toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
