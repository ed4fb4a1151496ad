package dev.scripttracker.cli;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.registry.AnnotatedScripts;
import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.Dialects;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.Schema;
import dev.scripttracker.internal.store.StateStore;
import dev.scripttracker.internal.store.TableNames;
import dev.scripttracker.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Another process in the middle of a script: it holds the script's lock and renews nothing, but lives. */
final class LiveHolder implements AutoCloseable {

    static final String WHO = "bob@other-host";

    private final Handle session;

    private LiveHolder(Handle session) {
        this.session = session;
    }

    static LiveHolder of(TestDatabase db, Class<?> scriptClass) throws Exception {
        ScriptDefinition script = AnnotatedScripts.definitionOf(scriptClass);
        Handle session = db.jdbi().open();
        Dialect dialect = Dialects.forProductName(session.getConnection().getMetaData().getDatabaseProductName(), "test");
        TableNames tables = TableNames.forPrefix(TableNames.DEFAULT_PREFIX);
        new Schema(tables, dialect).ensure(session);
        String runId = UUID.randomUUID().toString();
        Duration lease = Duration.ofHours(1);
        if (!dialect.newLock(session, session, dialect.lockScope(session, tables), tables,
                new LeaseTerms(lease, Clock.systemUTC(), runId, WHO)).tryAcquire(script.id())) {
            throw new IllegalStateException("the holder could not take the lock of " + script.id());
        }
        Instant now = Instant.now();
        new StateStore(tables, dialect).markRunning(session, script, Optional.empty(), runId, 1, now, now.plus(lease),
                WHO, null, StateStore.Resume.NONE);
        return new LiveHolder(session);
    }

    @Override
    public void close() {
        session.close();
    }
}
