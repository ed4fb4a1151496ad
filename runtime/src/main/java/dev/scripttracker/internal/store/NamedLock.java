package dev.scripttracker.internal.store;

import org.jdbi.v3.core.Handle;

/**
 * MySQL/MariaDB {@code GET_LOCK}. Lock names are server-wide, so the scope is the schema-qualified
 * table: the prefix as given when it names its schema, else the session's database.
 */
final class NamedLock implements ScriptLock {

    private final Handle session;
    private final String scope;

    NamedLock(Handle session, TableNames tables) {
        this.session = session;
        this.scope = tables.state().contains(".") ? tables.state()
                : session.createQuery("select database()").mapTo(String.class).findOne().orElse("") + "." + tables.state();
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
