package dev.scripttracker.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptStatus;
import dev.scripttracker.contract.ContractScripts.InsertsItem;
import dev.scripttracker.internal.registry.AnnotatedScripts;
import dev.scripttracker.internal.store.AttemptRecord;
import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.Dialects;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.Schema;
import dev.scripttracker.internal.store.ScriptLock;
import dev.scripttracker.internal.store.ScriptLock.Claim;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore;
import dev.scripttracker.internal.store.TableNames;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import dev.scripttracker.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every behaviour of the per-script lock, on a real database, through {@link Dialect#newLock} as the
 * runner takes it: the work session holds session locks, the store session renews them. Each database
 * has a subclass of a few lines; a quirk of one database is an override there with a comment saying why.
 */
abstract class LockContractTest {

    static final String SCRIPT = "0001_inserts_item";
    static final String OTHER_SCRIPT = "0002_inserts_then_fails";
    static final Duration LEASE = Duration.ofSeconds(30);

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(kind());
    private final List<Attempt> attempts = new ArrayList<>();
    TestDatabase db;
    Dialect dialect;
    TableNames tables;

    abstract DatabaseKind kind();

    /** Whether a free lock proves its last holder's work session gone (a session lock, not a lease). */
    abstract boolean lockProvesHolderGone();

    /** Whether {@link ScriptLock#holder} names who holds the lock. */
    boolean lockNamesItsHolder() {
        return false;
    }

    /**
     * Makes {@code holder} lose its lock: a session lock is lost with the work session that holds it, as
     * when the process is killed.
     */
    void loseLock(Attempt holder) throws SQLException {
        holder.work.getConnection().abort(Runnable::run);
    }

    @BeforeEach
    void createTables() throws SQLException {
        db = fresh.get();
        tables = TableNames.forPrefix(TableNames.DEFAULT_PREFIX);
        try (Handle setup = db.jdbi().open()) {
            dialect = Dialects.forProductName(setup.getConnection().getMetaData().getDatabaseProductName(), "test");
            new Schema(tables, dialect).ensure(setup);
        }
    }

    @AfterEach
    void closeSessions() {
        attempts.forEach(Attempt::close);
    }

    @Test
    void heldLock_cannotBeTakenBySecondSession() {
        assertTrue(attempt().lock.tryAcquire(SCRIPT));

        assertFalse(attempt().lock.tryAcquire(SCRIPT));
    }

    @Test
    void heldLock_leavesOtherScriptsFree() {
        assertTrue(attempt().lock.tryAcquire(SCRIPT));

        assertTrue(attempt().lock.tryAcquire(OTHER_SCRIPT));
    }

    @Test
    void release_freesTheLockForAnotherSession() {
        Attempt holder = attempt();
        holder.lock.tryAcquire(SCRIPT);

        holder.lock.release(SCRIPT);

        assertTrue(attempt().lock.tryAcquire(SCRIPT));
    }

    @Test
    void release_isSafeWhenNotHeld() {
        Attempt attempt = attempt();

        attempt.lock.release(SCRIPT);

        assertTrue(attempt.lock.tryAcquire(SCRIPT));
    }

    @Test
    void renew_isTrueWhileHeld() {
        Attempt holder = attempt();
        holder.lock.tryAcquire(SCRIPT);

        assertTrue(holder.lock.renew(SCRIPT));
        assertTrue(holder.lock.renew(SCRIPT));
    }

    @Test
    void renew_isFalseOnceTheLockIsLost() throws SQLException {
        Attempt holder = attempt();
        holder.lock.tryAcquire(SCRIPT);

        loseLock(holder);

        eventually("the holder's renew to fail", () -> !holder.lock.renew(SCRIPT));
    }

    @Test
    void deadHoldersLock_isFreedWithItsSessionWhereItIsASessionLock_otherwiseWhenItsLeaseExpires()
            throws SQLException {
        holderDies();

        if (lockProvesHolderGone()) {
            Attempt next = attempt();
            eventually("the server to free the dead holder's lock", () -> next.lock.tryAcquire(SCRIPT));
            return;
        }
        assertFalse(attempt().lock.tryAcquire(SCRIPT), "a lease outlives its session");
        assertTrue(attemptAfterTheLeaseExpired().lock.tryAcquire(SCRIPT));
    }

    @Test
    void tryAcquireAndRead_returnsTheStateRow() {
        String runId = recordRunning();

        Optional<Claim> claim = attempt().lock.tryAcquireAndRead(SCRIPT, store());

        assertTrue(claim.isPresent());
        StateRow row = claim.get().row().orElseThrow();
        assertEquals(SCRIPT, row.scriptId());
        assertEquals(runId, row.runId());
        assertEquals(ScriptStatus.RUNNING, row.status());
    }

    @Test
    void tryAcquireAndRead_findsNoRowOfAScriptThatNeverRan() {
        Optional<Claim> claim = attempt().lock.tryAcquireAndRead(SCRIPT, store());

        assertTrue(claim.isPresent());
        assertTrue(claim.get().row().isEmpty());
    }

    @Test
    void tryAcquireAndRead_isEmptyWhileAnotherSessionHoldsTheLock() {
        recordRunning();
        assertTrue(attempt().lock.tryAcquire(SCRIPT));

        assertTrue(attempt().lock.tryAcquireAndRead(SCRIPT, store()).isEmpty());
    }

    @Test
    void lockProvesHolderGone_asTheDialectSays() {
        assertEquals(lockProvesHolderGone(), dialect.lockProvesHolderGone());
    }

    @Test
    void holder_isNamedWhereTheLockKnowsIt() {
        Attempt holder = attempt();
        holder.lock.tryAcquire(SCRIPT);

        assertEquals(lockNamesItsHolder() ? Optional.of(holder.who) : Optional.empty(), attempt().lock.holder(SCRIPT));
    }

    /** An attempt that took the lock and then died with both its sessions, as when its process is killed. */
    private void holderDies() throws SQLException {
        Attempt holder = attempt();
        assertTrue(holder.lock.tryAcquire(SCRIPT));
        holder.work.getConnection().abort(Runnable::run);
        holder.store.getConnection().abort(Runnable::run);
    }

    Attempt attempt() {
        return attempt(Clock.systemUTC());
    }

    /** An attempt whose clock is past the lease of every attempt so far. */
    Attempt attemptAfterTheLeaseExpired() {
        return attempt(Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1)));
    }

    private Attempt attempt(Clock clock) {
        Attempt attempt = new Attempt(db.jdbi().open(), db.jdbi().open(), clock, "session-" + attempts.size() + "@host-a");
        attempts.add(attempt);
        return attempt;
    }

    private StateStore store() {
        return new StateStore(tables, dialect);
    }

    private String recordRunning() {
        ScriptDefinition script = AnnotatedScripts.definitionOf(InsertsItem.class);
        String runId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        try (Handle setup = db.jdbi().open()) {
            assertTrue(store().markRunning(setup, script, Optional.empty(),
                AttemptRecord.started(script.id(), runId, 1, now, "someone"), now.plus(LEASE)));
        }
        return runId;
    }

    /** Polls, bounded, for what the server does on its own time (as {@link Holder} does). */
    static void eventually(String what, BooleanSupplier condition) {
        for (int tries = 0; !condition.getAsBoolean(); tries++) {
            if (tries == 600) {
                throw new AssertionError("waited 30 s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** One attempt's two sessions and its lock, as the runner opens them. */
    final class Attempt {

        final Handle work;
        final Handle store;
        final String who;
        final ScriptLock lock;

        Attempt(Handle work, Handle store, Clock clock, String who) {
            this.work = work;
            this.store = store;
            this.who = who;
            this.lock = dialect.newLock(work, store, dialect.lockScope(store, tables), tables,
                    new LeaseTerms(LEASE, clock, UUID.randomUUID().toString(), who));
        }

        void close() {
            for (Handle handle : List.of(work, store)) {
                try {
                    handle.close();
                } catch (RuntimeException alreadyAborted) {
                    // A session that died in the test has nothing left to close.
                }
            }
        }
    }
}
