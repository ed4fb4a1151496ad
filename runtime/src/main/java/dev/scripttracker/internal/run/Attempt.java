package dev.scripttracker.internal.run;

import dev.scripttracker.RunOptions;
import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.Transaction;
import dev.scripttracker.internal.params.ResolvedParameters;
import dev.scripttracker.internal.session.StoreSession;
import dev.scripttracker.internal.store.AttemptRecord;
import dev.scripttracker.internal.store.ParameterCodec;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore.Resume;
import dev.scripttracker.internal.store.StateStore;
import dev.scripttracker.internal.store.StoreException;
import dev.scripttracker.internal.store.StoredText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a script, from the moment its lock is held to its recorded outcome: it records the
 * start, begins the script's transaction (unless the script runs without one), runs the body under
 * its timeout and heartbeat, classifies what happened and records it. Every outcome is written by
 * {@link #record}: a transactional success inside the script's own transaction, so that the work and
 * its record commit together; any other outcome on the store session once the work is rolled back.
 */
final class Attempt {

    private static final Logger LOG = LoggerFactory.getLogger("dev.scripttracker.engine");
    static final int MAX_MESSAGE = 4_000;
    static final int MAX_STACK = 16_000;

    /** What the attempt is for: it decides what is recorded, and how the result reads. */
    private enum Purpose { RUN, ROLLBACK, JOIN }

    private final Engine engine;
    private final StoreSession session;
    private final Purpose purpose;
    private final Optional<StateRow> previous;
    private final AttemptState state;
    private final BatchRun batches;
    private final Instant start;
    private final String parameters;
    private final String recordId;
    private final String codeChecksum;
    private final List<String> warnings;

    private Attempt(Engine engine, StoreSession session, Purpose purpose, Optional<StateRow> previous,
            ScriptDefinition script, RunOptions options, ResolvedParameters parameters, Resume resume) {
        this.engine = engine;
        this.session = session;
        this.purpose = purpose;
        this.previous = previous;
        int number = previous.map(StateRow::attempt).orElse(0) + (purpose == Purpose.RUN ? 1 : 0);
        // A rollback or a dry run holds no running row of its own, so its batches checkpoint nothing; a
        // process that joins another's run works under that run's id.
        String runId = purpose == Purpose.JOIN ? previous.orElseThrow().runId() : UUID.randomUUID().toString();
        this.recordId = runId;
        this.state = new AttemptState(script, number, options, parameters, engine.settings(),
                purpose == Purpose.JOIN || purpose == Purpose.RUN && !options.dryRun() ? runId : null);
        this.batches = new BatchRun(state, resume.checkpoint(), engine.store(), engine.settings().clock(),
                engine.dialect().comparesRowValuesWell(), engine.chunkedRun(script.id(), runId, options.workers()));
        state.resumeAt(resume.done());
        this.start = engine.settings().clock().instant();
        this.parameters = ParameterCodec.encode(parameters.shown(), parameters.nonIdentifying());
        this.codeChecksum = engine.codeChecksums().of(script).orElse(null);
        this.warnings = purpose == Purpose.RUN ? ChangedCode.since(previous, codeChecksum).map(change -> "script "
                + script.id() + ": " + change + "; it runs the new code").stream().toList() : List.of();
    }

    /** A run that records its start and its outcome; {@code previous} is the row read under the lock. */
    static Attempt run(Engine engine, StoreSession session, Optional<StateRow> previous, ScriptDefinition script,
            RunOptions options, ResolvedParameters parameters, Resume resume) {
        return new Attempt(engine, session, Purpose.RUN, previous, script, options, parameters, resume);
    }

    /**
     * Joins the attempt that another process runs (it holds the lock and the {@code running} row): runs the
     * script's body with workers for parallel loop {@code loop}, skipping the loops before it, and ends the
     * body after it. Records nothing: the run's own process records the outcome.
     */
    static Attempt join(Engine engine, StoreSession session, StateRow running, ScriptDefinition script,
            RunOptions options, ResolvedParameters parameters, int loop) {
        Attempt attempt = new Attempt(engine, session, Purpose.JOIN, Optional.of(running), script, options,
                parameters, Resume.NONE);
        attempt.batches.joinAt(loop);
        return attempt;
    }

    /** Runs the script's rollback method against the attempt recorded in {@code rolledBack}. */
    static Attempt rollback(Engine engine, StoreSession session, StateRow rolledBack, ScriptDefinition script,
            RunOptions options, ResolvedParameters parameters) {
        return new Attempt(engine, session, Purpose.ROLLBACK, Optional.of(rolledBack), script, options, parameters,
                Resume.NONE);
    }

    /**
     * Records that this attempt started, if the row is still the one read under the lock.
     *
     * @return false when it changed meanwhile (then read it again)
     */
    boolean claim() {
        if (purpose != Purpose.RUN || state.isDryRun()) {
            return true;
        }
        AttemptRecord started = recordOf(new Outcome(ScriptStatus.RUNNING, null, null, start));
        return session.use(h -> engine.store().markRunning(h, state.definition(), previous, started,
                start.plus(engine.settings().lease())));
    }

    /** The script's code: its entry point, its rollback method, or the body an agent intercepted. */
    interface Body {
        void call(ScriptContext ctx) throws Throwable;
    }

    record Outcome(ScriptStatus status, Throwable failure, String message, Instant finishedAt) {
    }

    RunResult execute(Body body) {
        ScriptDefinition script = state.definition();
        if (purpose == Purpose.RUN && !state.isDryRun()) {
            if (batches.resumedFrom() != null) {
                LOG.info("script {}: attempt {} resumes after {}", script.id(), state.number(), batches.resumedFrom());
            }
            warnings.forEach(LOG::warn);
            LOG.info("script {}: attempt {} started by {}", script.id(), state.number(), state.operator());
            engine.shutdownWatch().started(state, session);
        } else if (purpose == Purpose.JOIN) {
            LOG.info("script {}: joins attempt {} of {} with workers", script.id(), state.number(),
                    previous.orElseThrow().executedBy());
        }
        try {
            return result(runAndRecord(body));
        } finally {
            engine.shutdownWatch().finished(state);
        }
    }

    private Outcome runAndRecord(Body body) {
        Outcome outcome;
        try (WorkTransaction work = new WorkTransaction(engine, session, state, batches)) {
            outcome = joined(work.run(body, new RunContext(state, batches)));
            if (outcome.status() == ScriptStatus.SUCCESS && work.inTransaction() && !state.isDryRun()) {
                outcome = commitWithRecord(work, outcome);
                if (outcome.status() == ScriptStatus.SUCCESS) {
                    return outcome;
                }
            } else {
                work.rollback();
            }
        } catch (RuntimeException noConnection) {
            outcome = new Outcome(ScriptStatus.FAILED, noConnection, "could not open a database connection for the"
                    + " script: " + noConnection.getMessage(), engine.settings().clock().instant());
        }
        if (!record(outcome, null) && outcome.status() == ScriptStatus.SUCCESS) {
            return new Outcome(ScriptStatus.INTERRUPTED, null, "it finished, but another process had meanwhile"
                    + " declared it interrupted (its lock was lost), so its success was not recorded; its committed"
                    + " batches stay, and the next run finds nothing left to do", outcome.finishedAt());
        }
        return outcome;
    }

    /** A joining process's body ends once its workers have no chunk left: that is its success. */
    private Outcome joined(Outcome outcome) {
        return purpose == Purpose.JOIN && outcome.failure() instanceof BatchRun.JoinedPartDone done
                ? new Outcome(ScriptStatus.SUCCESS, null, done.getMessage(), outcome.finishedAt()) : outcome;
    }

    /** The success record written in the script's transaction, then one commit; any other outcome is not recorded yet. */
    private Outcome commitWithRecord(WorkTransaction work, Outcome success) {
        try {
            if (!record(success, work.handle())) {
                work.rollback();
                return new Outcome(ScriptStatus.INTERRUPTED, null, "another process declared this run interrupted"
                        + " before it finished (its lock was lost); its work was rolled back", success.finishedAt());
            }
            work.commit();
            return success;
        } catch (RuntimeException e) {
            work.rollback();
            return new Outcome(ScriptStatus.FAILED, e, "the script finished but its transaction could not be"
                    + " committed, so its work was rolled back: " + e.getMessage(), success.finishedAt());
        }
    }

    /**
     * Writes the outcome, on {@code work} inside the script's transaction when it is a transactional
     * success (that transaction then commits both), otherwise on the store session.
     *
     * @param work the script's open transaction for a success to commit with; null for any other outcome
     * @return false when the row was no longer this attempt's (or could not be written at all)
     */
    boolean record(Outcome outcome, Handle work) {
        if (state.isDryRun() || purpose == Purpose.JOIN) {
            return true;
        }
        AttemptRecord record = recordOf(outcome);
        if (work != null) {
            return write(work, record);
        }
        try {
            return writeOnStoreSession(record);
        } catch (RuntimeException fullRecordFailed) {
            // A row must not stay running because of what a script printed: record it without those texts.
            LOG.error("script {}: could not record its outcome ({}) with its output and error; recording it without"
                    + " them", record.scriptId(), record.status().label(), fullRecordFailed);
            try {
                return writeOnStoreSession(record.withoutCapturedText(fullRecordFailed.getMessage()));
            } catch (RuntimeException databaseGone) {
                LOG.error("script {}: could not record its outcome ({}); it stays 'running' until the next run or"
                        + " cleanup records it interrupted", record.scriptId(), record.status().label(), databaseGone);
                return false;
            }
        }
    }

    /** On the lock's session; when that session is gone (the reason a run is interrupted), on a new connection. */
    private boolean writeOnStoreSession(AttemptRecord record) {
        try {
            return session.use(h -> h.inTransaction(tx -> write(tx, record)));
        } catch (RuntimeException sessionGone) {
            try {
                return engine.withHandle(h -> h.inTransaction(tx -> write(tx, record)));
            } catch (RuntimeException alsoOnANewConnection) {
                alsoOnANewConnection.addSuppressed(sessionGone);
                throw alsoOnANewConnection;
            }
        }
    }

    private boolean write(Handle handle, AttemptRecord record) {
        StateStore store = engine.store();
        if (purpose == Purpose.RUN) {
            return store.finish(handle, record, record.runId(), ScriptStatus.RUNNING);
        }
        StateRow rolledBack = previous.orElseThrow();
        if (record.status() == ScriptStatus.ROLLED_BACK) {
            return store.finish(handle, record, rolledBack.runId(), rolledBack.status());
        }
        StoreException.attempt("record the failed rollback of script " + record.scriptId(), () -> {
            store.history().append(handle, record);
            return null;
        });
        return true;
    }

    private AttemptRecord recordOf(Outcome outcome) {
        ScriptStatus status = purpose == Purpose.ROLLBACK && outcome.status() == ScriptStatus.SUCCESS
                ? ScriptStatus.ROLLED_BACK : outcome.status();
        boolean succeeded = status == ScriptStatus.SUCCESS || status == ScriptStatus.ROLLED_BACK
                || status == ScriptStatus.RUNNING;
        Throwable failure = status == ScriptStatus.SKIPPED ? null : outcome.failure();
        // Work committed outside the run's transaction makes a failed attempt one that may have left partial
        // effects, like a run without a transaction: it then waits for an explicit run.
        Transaction mode = !succeeded && !state.connectionsOutside().isEmpty() ? Transaction.NONE
                : state.definition().transaction();
        String message = purpose == Purpose.ROLLBACK && outcome.message() != null ? "rollback " + outcome.message()
                : outcome.message();
        return new AttemptRecord(state.definition().id(), recordId,
                purpose == Purpose.ROLLBACK ? AttemptRecord.ROLLBACK : AttemptRecord.RUN, state.number(), status,
                mode, start, outcome.finishedAt(), state.operator(), parameters, state.progressDone(),
                state.progressTotal(), state.output(), failure == null ? null : failure.getClass().getName(),
                succeeded ? null : StoredText.head(state.masked(message), MAX_MESSAGE),
                failure == null ? null : state.masked(stackOf(failure)),
                batches.lastCheckpoint(), batches.resumedFrom(), codeChecksum);
    }

    private static String stackOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return StoredText.head(text.toString(), MAX_STACK);
    }

    private RunResult result(Outcome unmasked) {
        Outcome outcome = new Outcome(unmasked.status(), unmasked.failure(), state.masked(unmasked.message()),
                unmasked.finishedAt());
        ScriptDefinition script = state.definition();
        Duration took = Duration.between(start, outcome.finishedAt());
        if (purpose == Purpose.RUN && !state.isDryRun()) {
            LOG.info("script {}: attempt {} {} in {} ms", script.id(), state.number(), outcome.message(),
                    took.toMillis());
        }
        if (purpose == Purpose.JOIN) {
            return new RunResult(script.id(), outcome.status() == ScriptStatus.SUCCESS ? RunOutcome.JOINED
                    : outcomeOf(outcome.status()), state.number(), took, outcome.message(), outcome.failure(),
                    state.output(), state.statements().counts());
        }
        if (purpose == Purpose.RUN && state.isDryRun()) {
            return new RunResult(script.id(), outcome.status() == ScriptStatus.SUCCESS ? RunOutcome.DRY_RUN
                    : outcomeOf(outcome.status()), 0, took, "dry run: " + outcome.message() + " (nothing was recorded)",
                    outcome.failure(), state.output(), state.statements().counts());
        }
        if (purpose == Purpose.RUN) {
            return new RunResult(script.id(), outcomeOf(outcome.status()), state.number(), took, outcome.message(),
                    outcome.failure(), state.output(), state.statements().counts(), warnings);
        }
        if (outcome.status() == ScriptStatus.SUCCESS && !state.isDryRun()) {
            return new RunResult(script.id(), RunOutcome.ROLLED_BACK, state.number(), took,
                    "rolled back; the script is pending again", null);
        }
        RunOutcome failedOrDry = outcome.status() != ScriptStatus.SUCCESS ? outcomeOf(outcome.status())
                : RunOutcome.DRY_RUN;
        return new RunResult(script.id(), failedOrDry, state.number(), took, "rollback " + outcome.message()
                + "; the script's state is unchanged (" + previous.orElseThrow().status().label() + ")",
                outcome.failure());
    }

    static RunOutcome outcomeOf(ScriptStatus status) {
        return switch (status) {
            case SUCCESS -> RunOutcome.SUCCEEDED;
            case SKIPPED -> RunOutcome.SKIPPED;
            case TIMED_OUT -> RunOutcome.TIMED_OUT;
            case INTERRUPTED -> RunOutcome.INTERRUPTED;
            case CANCELLED -> RunOutcome.CANCELLED;
            default -> RunOutcome.FAILED;
        };
    }
}
