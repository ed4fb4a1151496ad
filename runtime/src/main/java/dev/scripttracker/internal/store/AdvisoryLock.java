package dev.scripttracker.internal.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** PostgreSQL session-level advisory lock, keyed by a hash of the scope and the script. */
final class AdvisoryLock implements ScriptLock {

    private final Handle session;
    private final String scope;

    AdvisoryLock(Handle session, String scope) {
        this.session = session;
        this.scope = scope;
    }

    @Override
    public boolean tryAcquire(String scriptId) {
        return session.createQuery("select pg_try_advisory_lock(:key)")
                .bind("key", LockKeys.asLong(scope, scriptId)).mapTo(Boolean.class).one();
    }

    @Override
    public Optional<Claim> tryAcquireAndRead(String scriptId, Handle handle, StateStore store) {
        return handle.createQuery("select l.locked, " + store.selectRowSql("s") + " from (select"
                        + " pg_try_advisory_lock(:key) as locked) l left join " + store.table()
                        + " s on l.locked and s.script_id = :id")
                .bind("key", LockKeys.asLong(scope, scriptId)).bind("id", scriptId)
                .map((rs, ctx) -> rs.getBoolean("locked")
                        ? Optional.of(new Claim(rs.getString("script_id") == null ? Optional.empty()
                                : Optional.of(StateRow.map(rs))))
                        : Optional.<Claim>empty())
                .one();
    }

    @Override
    public void release(String scriptId) {
        session.createQuery("select pg_advisory_unlock(:key)")
                .bind("key", LockKeys.asLong(scope, scriptId)).mapTo(Boolean.class).one();
    }

    @Override
    public boolean renew(String scriptId) {
        return session.createQuery("select count(*) from pg_locks where locktype = 'advisory'"
                        + " and pid = pg_backend_pid() and granted"
                        + " and ((classid::bigint << 32) | objid::bigint) = :key")
                .bind("key", LockKeys.asLong(scope, scriptId)).mapTo(Long.class).one() > 0;
    }
}
