package dev.scripttracker.spring;

import dev.scripttracker.ScriptDefinition;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * JPA on the script's connection: for each {@link EntityManagerFactory} over the application's
 * {@link DataSource}, a Hibernate {@link Session} opened on that connection is bound as Spring's
 * transactional {@code EntityManager}, so that repositories and {@code @Transactional} JPA services
 * ({@code JpaTransactionManager}) join the script's transaction. The engine commits it; this flushes
 * before each commit and never commits, rolls back or closes the connection itself.
 */
final class JpaWorkSessions implements WorkResources {

    private final List<Bound> bound;

    private JpaWorkSessions(List<Bound> bound) {
        this.bound = bound;
    }

    /** Binds a session on {@code connection} for each of the application's factories over {@code dataSource}. */
    static WorkResources bind(ListableBeanFactory beans, DataSource dataSource, ScriptDefinition script,
            Connection connection) {
        List<Bound> bound = new ArrayList<>();
        JpaWorkSessions sessions = new JpaWorkSessions(bound);
        try {
            for (EntityManagerFactory factory : beans.getBeanProvider(EntityManagerFactory.class).orderedStream()
                    .filter(f -> f instanceof EntityManagerFactoryInfo info && info.getDataSource() == dataSource)
                    .toList()) {
                bound.add(Bound.open(factory, script, connection));
            }
            return bound.isEmpty() ? NONE : sessions;
        } catch (RuntimeException e) {
            sessions.close();
            throw e;
        }
    }

    @Override
    public void flush() {
        for (Bound b : bound) {
            b.flush();
        }
    }

    /** Each batch starts with an empty persistence context, as Spring Batch's {@code JpaItemWriter} clears it. */
    @Override
    public void batchEnded() {
        for (Bound b : bound) {
            b.session.clear();
        }
    }

    @Override
    public boolean rollbackOnly() {
        return bound.stream().anyMatch(b -> b.session.getTransaction().getRollbackOnly());
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Bound b : bound) {
            try {
                b.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * One factory's session on the script's connection, bound where Spring looks for it; {@code outer} is
     * the {@code EntityManager} the thread held before (open-in-view in a web request), bound again after.
     */
    private record Bound(EntityManagerFactory factory, Session session, Object outer) {

        static Bound open(EntityManagerFactory factory, ScriptDefinition script, Connection connection) {
            SessionFactory hibernate = unwrap(factory, script);
            boolean autoCommit = autoCommit(connection);
            Session session = hibernate.withOptions().connection(connection).openSession();
            try {
                // Hibernate flushes only inside a transaction of its own. Beginning it switches autocommit off;
                // whether the connection is in a transaction is the engine's decision (BATCH: only inside batches).
                session.getTransaction().begin();
                if (autoCommit(connection) != autoCommit) {
                    connection.setAutoCommit(autoCommit);
                }
                Object outer = TransactionSynchronizationManager.unbindResourceIfPossible(factory);
                TransactionSynchronizationManager.bindResource(factory, new ScriptEntityManagerHolder(session));
                return new Bound(factory, session, outer);
            } catch (SQLException | RuntimeException e) {
                session.close();
                throw new IllegalStateException("could not give script " + script.id() + "'s connection to JPA ("
                        + factory + "): " + e.getMessage(), e);
            }
        }

        void flush() {
            try {
                session.flush();
            } catch (RuntimeException e) {
                DataAccessException translated = factory instanceof EntityManagerFactoryInfo info
                        && info.getJpaDialect() != null ? info.getJpaDialect().translateExceptionIfPossible(e) : null;
                throw translated != null ? translated : e;
            }
        }

        /** Hibernate's transaction is only ever marked: the engine ended the connection's own. */
        void close() {
            try {
                TransactionSynchronizationManager.unbindResourceIfPossible(factory);
                if (outer != null) {
                    TransactionSynchronizationManager.bindResource(factory, outer);
                }
                if (session.getTransaction().isActive()) {
                    session.getTransaction().markRollbackOnly();
                }
            } finally {
                session.close();
            }
        }

        private static SessionFactory unwrap(EntityManagerFactory factory, ScriptDefinition script) {
            try {
                return factory.unwrap(SessionFactory.class);
            } catch (RuntimeException notHibernate) {
                throw new IllegalStateException("script " + script.id() + " cannot run: the application's JPA"
                        + " EntityManagerFactory " + factory + " is not Hibernate's, and only Hibernate's JPA can join"
                        + " a script's transaction. Use Hibernate, or run the script with Transaction.NONE", notHibernate);
            }
        }

        private static boolean autoCommit(Connection connection) {
            try {
                return connection.getAutoCommit();
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the script's connection's autocommit: " + e.getMessage(), e);
            }
        }
    }

    /** The script's session, in a transaction that the engine, not Spring, began and ends. */
    private static final class ScriptEntityManagerHolder extends EntityManagerHolder {
        ScriptEntityManagerHolder(Session session) {
            super(session);
            setTransactionActive(true);
            setSynchronizedWithTransaction(true);
        }
    }
}
