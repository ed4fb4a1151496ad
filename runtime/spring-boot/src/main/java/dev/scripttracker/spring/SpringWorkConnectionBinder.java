package dev.scripttracker.spring;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.WorkConnectionBinder;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Binds a script's work connection as Spring's current transaction on the application's
 * {@link DataSource}, so that {@code JdbcTemplate}, {@code DataSourceUtils} and
 * {@code @Transactional} code (which joins with the default propagation, {@code REQUIRED}) work on it,
 * in the script's transaction, through the {@code PlatformTransactionManager}'s own rules. The engine
 * commits that transaction with the script's record; Spring's transaction synchronizations run
 * around that commit.
 */
public final class SpringWorkConnectionBinder implements WorkConnectionBinder {

    private final DataSource dataSource;

    public SpringWorkConnectionBinder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Binding bind(ScriptDefinition script, Connection connection) {
        if (TransactionSynchronizationManager.hasResource(dataSource)
                || TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("script " + script.id() + " was started inside a Spring transaction"
                    + " that is already open on this thread, so its work could not commit together with its record;"
                    + " call ScriptTracker from code that is not @Transactional");
        }
        return new SpringTransactionBinding(script, dataSource, connection);
    }
}
