package dev.scripttracker.contract;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.registry.AnnotatedScripts;
import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.Dialects;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.Schema;
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
final class Holder {

    static final String WHO = "ghost@dead-host";
    static final Duration LEASE = Duration.ofSeconds(30);

    private final Handle session;

    private Holder(Handle session) {
        this.session = session;
    }

    static Holder takes(TestDatabase db, Class<?> scriptClass) throws SQLException {
        return takes(db, scriptClass, LEASE);
    }

    /** A holder whose lease lasts {@code lease}: one that keeps renewing it looks like this to others. */
    static Holder takes(TestDatabase db, Class<?> scriptClass, Duration lease) throws SQLException {
        ScriptDefinition script = AnnotatedScripts.definitionOf(scriptClass);
        Handle session = db.jdbi().open();
        Dialect dialect = Dialects.forProductName(session.getConnection().getMetaData().getDatabaseProductName(), "test");
        TableNames tables = TableNames.forPrefix(TableNames.DEFAULT_PREFIX);
        new Schema(tables, dialect).ensure(session);
        String runId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        if (!dialect.newLock(session, dialect.lockScope(session, tables), tables,
                new LeaseTerms(lease, Clock.systemUTC(), runId, WHO))
                .tryAcquire(script.id())) {
            throw new IllegalStateException("the holder could not take the lock of " + script.id());
        }
        new StateStore(tables, dialect).markRunning(session, script, Optional.empty(), runId, 1, now, now.plus(lease),
                WHO, null, StateStore.Resume.NONE);
        return new Holder(session);
    }

    /** Ends the session abruptly, like a process killed with SIGKILL. */
    void dies() throws SQLException {
        session.getConnection().abort(Runnable::run);
    }

    void finishes() {
        session.close();
    }
}
