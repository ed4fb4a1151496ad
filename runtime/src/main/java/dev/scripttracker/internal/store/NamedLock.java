package dev.scripttracker.internal.store;

import org.jdbi.v3.core.Handle;

/** MySQL/MariaDB {@code GET_LOCK}, named after the scope and the script. */
final class NamedLock implements ScriptLock {

    private final Handle session;
    private final String scope;

    NamedLock(Handle session, String scope) {
        this.session = session;
        this.scope = scope;
    }

    @Override
    public boolean tryAcquire(String scriptId) {
        Integer granted = session.createQuery("select get_lock(:name, 0)")
                .bind("name", LockKeys.asName(scope, scriptId)).mapTo(Integer.class).one();
        return granted != null && granted == 1;
    }

    @Override
    public void release(String scriptId) {
        session.createQuery("select release_lock(:name)")
                .bind("name", LockKeys.asName(scope, scriptId)).mapTo(Integer.class).one();
    }

    @Override
    public boolean renew(String scriptId) {
        Integer mine = session.createQuery("select is_used_lock(:name) = connection_id()")
                .bind("name", LockKeys.asName(scope, scriptId)).mapTo(Integer.class).one();
        return mine != null && mine == 1;
    }
}
