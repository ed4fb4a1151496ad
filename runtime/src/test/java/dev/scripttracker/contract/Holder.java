package dev.scripttracker.contract;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.registry.AnnotatedScripts;
import dev.scripttracker.internal.store.AttemptRecord;
import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.Dialects;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.Schema;
import dev.scripttracker.internal.store.ScriptLock;
import dev.scripttracker.internal.store.StateStore;
import dev.scripttracker.internal.store.TableNames;
import dev.scripttracker.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Another process that took a script's lock and recorded it {@code running}, as the runner does, and
 * that can then die the way a killed process does: its database session ends without a word.
 */
public final class Holder {

    public static final String WHO = "ghost@dead-host";
    static final Duration LEASE = Duration.ofSeconds(30);

    private final Handle session;
    private final TestDatabase db;
    private final ScriptDefinition script;

    private Holder(Handle session, TestDatabase db, ScriptDefinition script) {
        this.session = session;
        this.db = db;
        this.script = script;
    }

    static Holder takes(TestDatabase db, Class<?> scriptClass) throws SQLException {
        return takes(db, scriptClass, LEASE);
    }

    /** A holder whose lease lasts {@code lease}: one that keeps renewing it looks like this to others. */
    public static Holder takes(TestDatabase db, Class<?> scriptClass, Duration lease) throws SQLException {
        ScriptDefinition script = AnnotatedScripts.definitionOf(scriptClass);
        Handle session = db.jdbi().open();
        Dialect dialect = Dialects.forProductName(session.getConnection().getMetaData().getDatabaseProductName(), "test");
        TableNames tables = TableNames.forPrefix(TableNames.DEFAULT_PREFIX);
        new Schema(tables, dialect).ensure(session);
        String runId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        if (!dialect.newLock(session, session, dialect.lockScope(session, tables), tables,
                new LeaseTerms(lease, Clock.systemUTC(), runId, WHO))
                .tryAcquire(script.id())) {
            throw new IllegalStateException("the holder could not take the lock of " + script.id());
        }
        new StateStore(tables, dialect).markRunning(session, script, Optional.empty(),
                AttemptRecord.started(script.id(), runId, 1, now, WHO), now.plus(lease));
        return new Holder(session, db, script);
    }

    /**
     * Ends the session abruptly, like a process killed with SIGKILL, and waits until the server has
     * seen it go (its session lock is free again), where the lock is a session lock.
     */
    void dies() throws Exception {
        session.getConnection().abort(Runnable::run);
        try (Handle look = db.jdbi().open()) {
            Dialect dialect = Dialects.forProductName(look.getConnection().getMetaData().getDatabaseProductName(), "test");
            if (!dialect.lockProvesHolderGone()) {
                return;
            }
            TableNames tables = TableNames.forPrefix(TableNames.DEFAULT_PREFIX);
            ScriptLock lock = dialect.newLock(look, look, dialect.lockScope(look, tables), tables,
                    new LeaseTerms(LEASE, Clock.systemUTC(), UUID.randomUUID().toString(), "test"));
            for (int tries = 0; !lock.tryAcquire(script.id()); tries++) {
                if (tries == 600) {
                    throw new IllegalStateException("the server never freed the dead holder's lock");
                }
                Thread.sleep(50);
            }
            lock.release(script.id());
        }
    }

    public void finishes() {
        session.close();
    }
}
