package dev.scripttracker.internal.run;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.internal.registry.ScriptCatalog;
import dev.scripttracker.internal.session.RunSessions;
import dev.scripttracker.internal.store.Dialect;
import dev.scripttracker.internal.store.Interruptions;
import dev.scripttracker.internal.store.LeaseTerms;
import dev.scripttracker.internal.store.StateStore;
import dev.scripttracker.internal.store.StoreDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * The connected engine, and the composition root of a run's parts: the store's database and tables,
 * the scripts, the lock wait, and the thread for heartbeats and deadlines.
 */
public final class Engine implements AutoCloseable {

    private final StoreDatabase database;
    private final Settings settings;
    private final ScriptCatalog catalog;
    private final StateStore store;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ShutdownWatch shutdownWatch;
    private final LockWait lockWait;
    private final Interruptions interruptions;
    private final boolean readOnly;

    private Engine(StoreDatabase database, Settings settings, ScriptCatalog catalog, boolean readOnly) {
        this.database = database;
        this.settings = settings;
        this.catalog = catalog;
        this.readOnly = readOnly;
        this.store = new StateStore(settings.tables(), database.dialect());
        this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("script-tracker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.lockWait = new LockWait(store, database.dialect(), settings.clock());
        this.interruptions = new Interruptions(store, settings.clock());
        this.shutdownWatch = new ShutdownWatch(store, interruptions);
    }

    /**
     * @param secrets passwords that drivers' messages must not show
     */
    public static Engine connect(DataSource dataSource, String where, List<String> secrets, Settings settings,
            ScriptCatalog catalog) {
        return new Engine(StoreDatabase.open(dataSource, where, secrets, settings.tables(), false), settings, catalog,
                false);
    }

    /**
     * Connects for reading only: the tables are checked, never created or upgraded, and the
     * operations that write refuse to run.
     */
    public static Engine connectReadOnly(DataSource dataSource, String where, List<String> secrets,
            Settings settings, ScriptCatalog catalog) {
        return new Engine(StoreDatabase.open(dataSource, where, secrets, settings.tables(), true), settings, catalog,
                true);
    }

    /** @throws ConfigurationException when the engine was connected read-only */
    public void requireWritable(String operation) {
        if (readOnly) {
            throw new ConfigurationException("cannot " + operation + ": this tracker was opened read-only"
                    + " (ScriptTrackerBuilder.readOnly()); build one without readOnly() to change anything");
        }
    }

    public <T> T withHandle(Function<Handle, T> work) {
        return database.withHandle(work);
    }

    /** The store sessions for one run of one or more scripts. */
    RunSessions runSessions() {
        return new RunSessions(database, settings.tables(), () -> new LeaseTerms(settings.lease(), settings.clock(),
                UUID.randomUUID().toString(), settings.operator()));
    }

    public Settings settings() {
        return settings;
    }

    public ScriptCatalog catalog() {
        return catalog;
    }

    public Dialect dialect() {
        return database.dialect();
    }

    public StateStore store() {
        return store;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The one way a script's lock is taken: for a run, a rollback or a cleanup. */
    LockWait lockWait() {
        return lockWait;
    }

    Interruptions interruptions() {
        return interruptions;
    }

    ShutdownWatch shutdownWatch() {
        return shutdownWatch;
    }

    @Override
    public void close() {
        shutdownWatch.close();
        scheduler.shutdownNow();
    }
}
