package dev.scripttracker.internal.store.mysql;

import dev.scripttracker.internal.store.LockKeys;
import dev.scripttracker.internal.store.ScriptLock;
import dev.scripttracker.internal.store.StateStore;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * MySQL/MariaDB {@code GET_LOCK}, named after the scope and the script, held by the attempt's work
 * session: the server frees it only when that session ends (or releases it), and then its
 * uncommitted work has been rolled back. The store session checks that the work session still holds it.
 */
final class NamedLock implements ScriptLock {

    private final Handle work;
    private final Handle store;
    private final String scope;
    private long workConnectionId;

    NamedLock(Handle work, Handle store, String scope) {
        this.work = work;
        this.store = store;
        this.scope = scope;
    }

    @Override
    public boolean tryAcquire(String scriptId) {
        return work.createQuery("select get_lock(:name, 0) as granted, connection_id() as id")
                .bind("name", LockKeys.asName(scope, scriptId))
                .map((rs, ctx) -> {
                    workConnectionId = rs.getLong("id");
                    return rs.getInt("granted") == 1;
                }).one();
    }

    @Override
    public Optional<Claim> tryAcquireAndRead(String scriptId, StateStore state) {
        return tryAcquire(scriptId) ? Optional.of(new Claim(state.find(work, scriptId))) : Optional.empty();
    }

    @Override
    public void release(String scriptId) {
        work.createQuery("select release_lock(:name)")
                .bind("name", LockKeys.asName(scope, scriptId)).mapTo(Integer.class).one();
    }

    @Override
    public boolean renew(String scriptId) {
        Integer mine = store.createQuery("select is_used_lock(:name) = :id")
                .bind("name", LockKeys.asName(scope, scriptId)).bind("id", workConnectionId)
                .mapTo(Integer.class).one();
        return mine != null && mine == 1;
    }
}
