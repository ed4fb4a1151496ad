package dev.scripttracker.internal.store;

import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A lock row with a lease, for databases without session-bound locks. A holder that dies stops
 * renewing, and its row counts as free once the lease has expired.
 */
final class LeaseLock implements ScriptLock {

    private final Handle session;
    private final TableNames tables;
    private final LeaseTerms lease;
    private final Dialect dialect;

    LeaseLock(Handle session, TableNames tables, LeaseTerms lease, Dialect dialect) {
        this.session = session;
        this.tables = tables;
        this.lease = lease;
        this.dialect = dialect;
    }

    @Override
    public boolean tryAcquire(String scriptId) {
        session.createUpdate("delete from " + tables.lock() + " where script_id = :id and lease_until < :now")
                .bind("id", scriptId).bind("now", Timestamps.toDb(lease.now())).execute();
        try {
            session.createUpdate("insert into " + tables.lock()
                            + " (script_id, owner, holder, acquired_at, lease_until)"
                            + " values (:id, :owner, :holder, :now, :until)")
                    .bind("id", scriptId).bind("owner", lease.owner()).bind("holder", StoredText.head(lease.holder(), ColumnLimits.OPERATOR))
                    .bind("now", Timestamps.toDb(lease.now())).bind("until", Timestamps.toDb(lease.expiry()))
                    .execute();
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && dialect.isDuplicateKey(sql)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Claim> tryAcquireAndRead(String scriptId, StateStore state) {
        return tryAcquire(scriptId) ? Optional.of(new Claim(state.find(session, scriptId))) : Optional.empty();
    }

    @Override
    public void release(String scriptId) {
        session.createUpdate("delete from " + tables.lock() + " where script_id = :id and owner = :owner")
                .bind("id", scriptId).bind("owner", lease.owner()).execute();
    }

    @Override
    public boolean renew(String scriptId) {
        return session.createUpdate("update " + tables.lock() + " set lease_until = :until"
                        + " where script_id = :id and owner = :owner")
                .bind("id", scriptId).bind("owner", lease.owner())
                .bind("until", Timestamps.toDb(lease.expiry())).execute() == 1;
    }

    @Override
    public Optional<String> holder(String scriptId) {
        return session.createQuery("select holder from " + tables.lock() + " where script_id = :id")
                .bind("id", scriptId).mapTo(String.class).findOne();
    }
}
