package dev.scripttracker.test;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import dev.scripttracker.test.internal.BatchFault;
import dev.scripttracker.test.internal.DatabaseSnapshot;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * A script with the parameters to run it with, and the runs and assertions the kit has for it. Each
 * {@code with} returns a new one, so a configured script can be kept and run several times.
 *
 * <pre>{@code
 * ScriptUnderTest backfill = kit.script(BackfillPoints.class).with("tenant", "acme");
 * backfill.dryRun().assertOutcome(RunOutcome.DRY_RUN);
 * backfill.assertResumable(2);
 * }</pre>
 *
 * Parameters are name and text, as {@code --param NAME=VALUE} gives them.
 */
public final class ScriptUnderTest {

    private static final Set<RunOutcome> IDEMPOTENT_SECOND_RUN = EnumSet.of(RunOutcome.SUCCEEDED, RunOutcome.SKIPPED);

    private final ScriptKit kit;
    private final Class<?> scriptClass;
    private final String id;
    private final Map<String, String> parameters;
    private final Set<String> ignoredColumns;

    private ScriptUnderTest(ScriptKit kit, Class<?> scriptClass, String id, Map<String, String> parameters,
            Set<String> ignoredColumns) {
        this.kit = kit;
        this.scriptClass = scriptClass;
        this.id = id;
        this.parameters = Map.copyOf(parameters);
        this.ignoredColumns = Set.copyOf(ignoredColumns);
    }

    static ScriptUnderTest of(ScriptKit kit, Class<?> scriptClass) {
        TrackedScript annotation = scriptClass.getAnnotation(TrackedScript.class);
        if (annotation == null) {
            throw new IllegalArgumentException(scriptClass.getName() + " is not annotated with @TrackedScript, so the"
                    + " kit cannot run it; give the kit the script's class");
        }
        return new ScriptUnderTest(kit, scriptClass, annotation.id(), Map.of(), Set.of());
    }

    /** The same script with parameter {@code name} set to {@code value}. */
    public ScriptUnderTest with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new ScriptUnderTest(kit, scriptClass, id, more, ignoredColumns);
    }

    /**
     * The same script, with updates of these columns left out of every comparison (rows changed, the
     * second run of {@link #assertIdempotent()}, the end states of {@link #assertResumable(int)}): columns
     * the script sets to the time or to a random value. Each is {@code table.column}.
     */
    public ScriptUnderTest ignoringColumns(String... tableColumns) {
        Set<String> more = new LinkedHashSet<>(ignoredColumns);
        for (String tableColumn : tableColumns) {
            int dot = tableColumn.indexOf('.');
            if (dot <= 0 || dot == tableColumn.length() - 1 || tableColumn.indexOf('.', dot + 1) >= 0) {
                throw new IllegalArgumentException("ignoringColumns(\"" + tableColumn + "\"): name a column as"
                        + " table.column, e.g. \"customers.updated_at\"");
            }
            more.add(tableColumn.toLowerCase(Locale.ROOT));
        }
        return new ScriptUnderTest(kit, scriptClass, id, parameters, more);
    }

    /** Runs it by id, as {@code script-tracker run ID} does: a script that already succeeded answers ALREADY_DONE. */
    public ScriptRun run() {
        return run(options());
    }

    /** Runs it by id with {@code --force}: a script that succeeded or was skipped runs again, as a new attempt. */
    public ScriptRun runForced() {
        return run(options().withForce());
    }

    /** Runs it with {@code --dry-run}: every change rolled back, nothing recorded; outcome DRY_RUN when it went well. */
    public ScriptRun dryRun() {
        return run(options().withDryRun());
    }

    /**
     * Runs the script (forced), then once more with {@code --force}, and fails unless the first run
     * succeeded, the second succeeded or skipped, and the second changed no row.
     *
     * @return the second run
     */
    public ScriptRun assertIdempotent() {
        ScriptRun first = runForced();
        requireOutcome(first, Set.of(RunOutcome.SUCCEEDED), "assertIdempotent: the first run");
        ScriptRun second = runForced();
        requireOutcome(second, IDEMPOTENT_SECOND_RUN, "assertIdempotent: the second run (--force)");
        if (!second.changes().isEmpty()) {
            throw new AssertionFailedError(id + " is not idempotent: run a second time with --force, it changed "
                    + DataChanges.rows(second.changes().rowsChanged()) + ":\n" + second.changes().describe()
                    + "\nA script that may be run again must find nothing left to do: select only the rows that still"
                    + " need the change (e.g. where theme is null), or skip when there are none.", 0,
                    second.changes().rowsChanged());
        }
        return second;
    }

    /**
     * For a {@link Transaction#BATCH} script: makes a run fail at batch {@code failAtBatch} (that batch's
     * checkpoint is not saved, so its work rolls back, as in a crash before its commit), runs the script
     * again, which resumes after batch {@code failAtBatch - 1}, and compares the end state with that of one
     * clean run on the same start data (the test's tables are put back as they were and the script run
     * again with {@code --force}). Fails when the resumed run did not succeed or its end state differs,
     * naming the table, row and column.
     *
     * @param failAtBatch 1 for the first batch; at most the number of batches the script runs
     * @return the resumed run
     */
    public ScriptRun assertResumable(int failAtBatch) {
        return new ResumeCheck(this, kit).assertResumable(failAtBatch);
    }

    /**
     * Runs it with {@code --dry-run --force} (so that a script that already ran runs too) and fails unless
     * it ended DRY_RUN, changed no row of the test's tables, and left the script's record and history as
     * they were.
     *
     * @return the dry run
     */
    public ScriptRun assertDryRunChangesNothing() {
        ScriptTracker tracker = kit.trackerFor(scriptClass);
        ScriptStatus statusBefore = statusIn(tracker);
        int attemptsBefore = tracker.history(id).size();
        ScriptRun dry = run(options().withDryRun().withForce());
        requireOutcome(dry, Set.of(RunOutcome.DRY_RUN), "assertDryRunChangesNothing: the dry run");
        if (!dry.changes().isEmpty()) {
            throw new AssertionFailedError("the dry run of " + id + " changed " + DataChanges.rows(dry.changes().rowsChanged())
                    + ", which a dry run must roll back:\n" + dry.changes().describe()
                    + "\nWork done outside the script's connection (a connection of its own, another data source) is"
                    + " not rolled back: use ctx.handle() or ctx.connection(), or check ctx.isDryRun().", 0,
                    dry.changes().rowsChanged());
        }
        int attemptsAfter = tracker.history(id).size();
        if (statusIn(tracker) != statusBefore || attemptsAfter != attemptsBefore) {
            throw new AssertionFailedError("the dry run of " + id + " was recorded: status " + statusBefore.label()
                    + " -> " + statusIn(tracker).label() + ", attempts in history " + attemptsBefore + " -> " + attemptsAfter);
        }
        return dry;
    }

    /** A forced run during which the kit's connections fail the batch checkpoint {@code fault} names. */
    ScriptRun runWith(BatchFault fault) {
        kit.database().arm(fault);
        try {
            return runForced();
        } finally {
            kit.database().disarm();
        }
    }

    private ScriptRun run(RunOptions options) {
        ScriptTracker tracker = kit.trackerFor(scriptClass);
        DatabaseSnapshot before = kit.snapshot();
        RunResult result = tracker.run(id, options);
        return new ScriptRun(result, statusIn(tracker), DataChanges.between(before, kit.snapshot()).ignoring(ignoredColumns));
    }

    private ScriptStatus statusIn(ScriptTracker tracker) {
        return tracker.status().stream().filter(s -> s.id().equals(id)).findFirst().map(ScriptState::status)
                .orElse(ScriptStatus.PENDING);
    }

    private RunOptions options() {
        RunOptions options = RunOptions.defaults();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            options = options.withParameter(parameter.getKey(), parameter.getValue());
        }
        return options;
    }

    static void requireOutcome(ScriptRun run, Set<RunOutcome> expected, String which) {
        if (!expected.contains(run.outcome())) {
            throw new AssertionFailedError(which + " of " + run.result().scriptId() + " was to end "
                    + (expected.size() == 1 ? expected.iterator().next() : "one of " + expected) + ", but ended "
                    + run.outcome() + "\n" + run.describe(), expected, run.outcome());
        }
    }

    String id() {
        return id;
    }

    Class<?> scriptClass() {
        return scriptClass;
    }

    Set<String> ignoredColumns() {
        return ignoredColumns;
    }

    @Override
    public String toString() {
        return id + (parameters.isEmpty() ? "" : " " + parameters);
    }
}
