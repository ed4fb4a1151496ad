package dev.scripttracker.internal.run;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.internal.checksum.CodeChecksums;
import dev.scripttracker.internal.parallel.ChunkedRun;
import dev.scripttracker.internal.registry.ScriptCatalog;
import dev.scripttracker.internal.session.RunSessions;
import dev.scripttracker.internal.store.ChunkStore;
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
    private final ChunkStore chunks;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ShutdownWatch shutdownWatch;
    private final LockWait lockWait;
    private final Interruptions interruptions;
    private final CodeChecksums codeChecksums;
    private final boolean readOnly;

    private Engine(StoreDatabase database, Settings settings, ScriptCatalog catalog, boolean readOnly) {
        this.database = database;
        this.settings = settings;
        this.catalog = catalog;
        this.readOnly = readOnly;
        this.store = new StateStore(settings.tables(), database.dialect());
        this.chunks = new ChunkStore(settings.tables(), database.dialect());
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
        this.codeChecksums = new CodeChecksums(settings.classLoader());
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

    ChunkStore chunks() {
        return chunks;
    }

    /** Where one attempt's parallel loops record their chunks and find their workers' connections. */
    ChunkedRun chunkedRun(String scriptId, String runId, int workers) {
        return new ChunkedRun(scriptId, runId, UUID.randomUUID().toString(), settings.operator(), chunks, database,
                settings.clock(), settings.lease(), workers);
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

    /** The checksums of the scripts' code on this engine's class path, each computed once. */
    public CodeChecksums codeChecksums() {
        return codeChecksums;
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
