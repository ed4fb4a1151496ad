package dev.scripttracker.spring;

import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.WorkConnectionBinder;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Binds a script's work connection as Spring's current transaction on the application's
 * {@link DataSource}, so that {@code JdbcTemplate}, {@code DataSourceUtils} and
 * {@code @Transactional} code (which joins with the default propagation, {@code REQUIRED}) work on it,
 * in the script's transaction, through the {@code PlatformTransactionManager}'s own rules. The engine
 * commits that transaction with the script's record; Spring's transaction synchronizations run
 * around that commit. With Hibernate's JPA on the class path, each {@code EntityManagerFactory} over
 * that {@code DataSource} gets a session on the same connection, bound as Spring's transactional
 * {@code EntityManager}: repositories and {@code JpaTransactionManager} join too, and their changes
 * are flushed before each commit.
 */
public final class SpringWorkConnectionBinder implements WorkConnectionBinder {

    private final DataSource dataSource;
    private final ListableBeanFactory jpaFactories;

    /** JDBC only: {@code JdbcTemplate}, {@code DataSourceTransactionManager}. */
    public SpringWorkConnectionBinder(DataSource dataSource) {
        this(dataSource, null);
    }

    /** JDBC, and JPA through the {@code EntityManagerFactory} beans of {@code beans} when JPA is on the class path. */
    public SpringWorkConnectionBinder(DataSource dataSource, ListableBeanFactory beans) {
        this.dataSource = dataSource;
        this.jpaFactories = beans != null && jpaOnClassPath(beans) ? beans : null;
    }

    /** Here, not in {@link JpaWorkSessions}: an application without JPA must not load that class. */
    private static boolean jpaOnClassPath(ListableBeanFactory beans) {
        ClassLoader loader = beans instanceof ConfigurableBeanFactory configurable
                && configurable.getBeanClassLoader() != null ? configurable.getBeanClassLoader()
                : ClassUtils.getDefaultClassLoader();
        return ClassUtils.isPresent("jakarta.persistence.EntityManagerFactory", loader)
                && ClassUtils.isPresent("org.hibernate.SessionFactory", loader)
                && ClassUtils.isPresent("org.springframework.orm.jpa.EntityManagerHolder", loader);
    }

    @Override
    public Binding bind(ScriptDefinition script, Connection connection) {
        if (TransactionSynchronizationManager.hasResource(dataSource)
                || TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("script " + script.id() + " was started inside a Spring transaction"
                    + " that is already open on this thread, so its work could not commit together with its record;"
                    + " call ScriptTracker from code that is not @Transactional");
        }
        WorkResources jpa = jpaFactories == null ? WorkResources.NONE
                : JpaWorkSessions.bind(jpaFactories, dataSource, script, connection);
        try {
            return new SpringTransactionBinding(script, dataSource, connection, jpa);
        } catch (RuntimeException e) {
            jpa.close();
            throw e;
        }
    }
}
