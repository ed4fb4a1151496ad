package dev.scripttracker.internal.store.postgres;

import dev.scripttracker.internal.store.LockKeys;
import dev.scripttracker.internal.store.ScriptLock;
import dev.scripttracker.internal.store.StateRow;
import dev.scripttracker.internal.store.StateStore;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL session-level advisory lock, keyed by a hash of the scope and the script, held by the
 * attempt's work session: the server frees it only when that session ends (or unlocks), and then
 * its uncommitted work has been rolled back. The store session checks that the work session still
 * holds it.
 */
final class AdvisoryLock implements ScriptLock {

    private final Handle work;
    private final Handle store;
    private final String scope;
    private long workPid;

    AdvisoryLock(Handle work, Handle store, String scope) {
        this.work = work;
        this.store = store;
        this.scope = scope;
    }

    @Override
    public boolean tryAcquire(String scriptId) {
        return work.createQuery("select pg_try_advisory_lock(:key) as locked, pg_backend_pid() as pid")
                .bind("key", LockKeys.asLong(scope, scriptId))
                .map((rs, ctx) -> {
                    workPid = rs.getLong("pid");
                    return rs.getBoolean("locked");
                }).one();
    }

    @Override
    public Optional<Claim> tryAcquireAndRead(String scriptId, StateStore state) {
        return work.createQuery("select l.locked, pg_backend_pid() as holder_pid, " + state.selectRowSql("s")
                        + " from (select pg_try_advisory_lock(:key) as locked) l left join " + state.table()
                        + " s on l.locked and s.script_id = :id")
                .bind("key", LockKeys.asLong(scope, scriptId)).bind("id", scriptId)
                .map((rs, ctx) -> {
                    workPid = rs.getLong("holder_pid");
                    return rs.getBoolean("locked")
                            ? Optional.of(new Claim(rs.getString("script_id") == null ? Optional.empty()
                                    : Optional.of(StateRow.map(rs))))
                            : Optional.<Claim>empty();
                })
                .one();
    }

    @Override
    public void release(String scriptId) {
        work.createQuery("select pg_advisory_unlock(:key)")
                .bind("key", LockKeys.asLong(scope, scriptId)).mapTo(Boolean.class).one();
    }

    @Override
    public boolean renew(String scriptId) {
        return store.createQuery("select count(*) from pg_locks where locktype = 'advisory'"
                        + " and pid = :pid and granted and ((classid::bigint << 32) | objid::bigint) = :key")
                .bind("pid", workPid).bind("key", LockKeys.asLong(scope, scriptId)).mapTo(Long.class).one() > 0;
    }
}
