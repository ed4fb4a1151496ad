package dev.scripttracker.internal.store.h2;

import dev.scripttracker.internal.EmbeddedH2HandOver;
import dev.scripttracker.internal.store.Dialect;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * H2, the embedded default: no session-bound named locks, so it keeps {@link Dialect}'s lease-row lock.
 */
public final class H2Dialect implements Dialect {

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String textType() {
        return "varchar(1000000)";
    }

    @Override
    public int longTextChars() {
        return 1_000_000;
    }

    /** A file database is known by its path, whichever process serves it. */
    @Override
    public String sessionIdentityQuery() {
        return "select coalesce(database_path(), database()), current_user, current_schema";
    }

    @Override
    public String timestampType() {
        return "timestamp(3)";
    }

    /** Processes sharing one embedded file (AUTO_SERVER) hand its server over when the serving one exits. */
    @Override
    public boolean isChangingHands(Throwable failure) {
        return EmbeddedH2HandOver.isUnderway(failure);
    }

    @Override
    public void limitStatements(Handle work, Duration remaining, boolean inTransaction) {
        work.execute("set query_timeout " + Math.min(Integer.MAX_VALUE, remaining.toMillis()));
    }

    @Override
    public void unlimitStatements(Handle work, boolean inTransaction) {
        work.execute("set query_timeout 0");
    }
}
