package dev.scripttracker.spring;

import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.WorkConnectionBinder.Binding;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** One script run's work connection, bound as Spring's transaction on the script's thread. */
final class SpringTransactionBinding implements Binding {

    private final ScriptDefinition script;
    private final DataSource dataSource;
    private final ConnectionHolder holder;
    private final WorkResources resources;
    private boolean completed;

    /** @param resources what else was bound on the connection (JPA's sessions); closed with this binding */
    SpringTransactionBinding(ScriptDefinition script, DataSource dataSource, Connection connection,
            WorkResources resources) {
        this.script = script;
        this.dataSource = dataSource;
        this.holder = new ScriptConnectionHolder(connection);
        this.resources = resources;
        TransactionSynchronizationManager.bindResource(dataSource, holder);
        TransactionSynchronizationManager.initSynchronization();
        TransactionSynchronizationManager.setActualTransactionActive(true);
        TransactionSynchronizationManager.setCurrentTransactionName("script " + script.id());
        TransactionSynchronizationManager.registerSynchronization(new SuspensionWatch());
    }

    /**
     * A {@code @Transactional} method that joined the script's transaction and failed marked it
     * rollback-only: committing anyway would keep half of what that method meant to do all or nothing.
     */
    @Override
    public void flush() {
        resources.flush();
    }

    @Override
    public void batchEnded(boolean committed) {
        resources.batchEnded();
    }

    @Override
    public void beforeCommit() {
        if (holder.isRollbackOnly() || resources.rollbackOnly()) {
            throw new UnexpectedRollbackException("a @Transactional method that script " + script.id() + " called"
                    + " failed and marked the script's transaction rollback-only (the script caught its exception);"
                    + " the whole script is rolled back");
        }
        TransactionSynchronizationUtils.triggerBeforeCommit(false);
        TransactionSynchronizationUtils.triggerBeforeCompletion();
    }

    /** As Spring's transaction managers do: after-commit callbacks first, then after-completion ones, unsynchronized. */
    @Override
    public void afterCompletion(boolean committed) {
        if (completed) {
            return;
        }
        completed = true;
        if (committed) {
            TransactionSynchronizationUtils.triggerAfterCommit();
        } else {
            TransactionSynchronizationUtils.triggerBeforeCompletion();
        }
        endSynchronization(committed ? TransactionSynchronization.STATUS_COMMITTED
                : TransactionSynchronization.STATUS_ROLLED_BACK);
    }

    /** In {@code BATCH} mode each batch commits on its own: the synchronizations learn no single outcome. */
    @Override
    public void close() {
        try {
            if (!completed) {
                endSynchronization(TransactionSynchronization.STATUS_UNKNOWN);
            }
        } finally {
            try {
                resources.close();
            } finally {
                TransactionSynchronizationManager.clear();
                TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
            }
        }
    }

    private static void endSynchronization(int status) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
    }

    /** The script's connection, in a transaction that the engine, not Spring, began and ends. */
    private static final class ScriptConnectionHolder extends ConnectionHolder {
        ScriptConnectionHolder(Connection connection) {
            super(connection);
            setTransactionActive(true);
            setSynchronizedWithTransaction(true);
        }
    }

    /**
     * Spring suspends the script's transaction for {@code REQUIRES_NEW} and {@code NOT_SUPPORTED}: what
     * runs then commits on its own connection, and a failure of the script cannot roll it back.
     */
    private static final class SuspensionWatch implements TransactionSynchronization {
        @Override
        public void suspend() {
            ScriptContext.find().ifPresent(ctx -> ctx.wroteOutsideItsTransaction("a Spring transaction of its own"
                    + " (@Transactional with propagation REQUIRES_NEW or NOT_SUPPORTED), committed independently"));
        }
    }
}
