package dev.scripttracker.test;

import dev.scripttracker.ScriptFactory;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.ScriptTrackerBuilder;
import dev.scripttracker.test.internal.DatabaseSnapshot;
import dev.scripttracker.test.internal.IsolatedDatabase;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One test's database, tracker and script runs; given to test methods by {@link ScriptTest}.
 *
 * <pre>{@code
 * kit.execute("create table users (id int primary key, theme varchar(10))", "insert into users values (1, null)");
 * kit.script(FixThemes.class).with("theme", "dark").run()
 *         .assertSucceeded()
 *         .assertOutputContains("fixed 1 users")
 *         .assertRowsChanged("users", 1);
 * kit.script(FixThemes.class).with("theme", "dark").assertIdempotent();
 * }</pre>
 *
 * The tracker's tables have the default prefix {@code tracked_scripts}; the kit's snapshots, and so every
 * count of rows changed, leave them out.
 */
public final class ScriptKit implements AutoCloseable {

    private final IsolatedDatabase database;
    private final Jdbi jdbi;
    private final Set<Class<?>> registered = new LinkedHashSet<>();
    private ScriptFactory scriptFactory;
    private ScriptTracker tracker;

    private ScriptKit(IsolatedDatabase database) {
        this.database = database;
        this.jdbi = Jdbi.create(database.dataSource());
    }

    /** A kit on a fresh database, as {@link ScriptTest} describes; close it to drop the database. */
    public static ScriptKit open() {
        return new ScriptKit(IsolatedDatabase.open());
    }

    /** The test's database, for arranging data and checking it; the scripts work in the same one. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs statements, each committed, on a connection of their own: {@code kit.execute("create table ...", "insert ...")}. */
    public void execute(String... statements) {
        try (Handle handle = jdbi.open()) {
            for (String sql : statements) {
                handle.execute(sql);
            }
        }
    }

    /**
     * The tracker on the test's database, knowing the scripts on the class path's registries and every
     * class given to {@link #script} so far (it is built again when a new one comes).
     */
    public synchronized ScriptTracker tracker() {
        if (tracker == null) {
            ScriptTrackerBuilder builder = ScriptTracker.builder().dataSource(database.dataSource())
                    .register(registered.toArray(Class<?>[]::new));
            if (scriptFactory != null) {
                builder.scriptFactory(scriptFactory);
            }
            tracker = builder.build();
        }
        return tracker;
    }

    /**
     * How the kit's tracker creates script instances; by default their public no-argument constructor. A
     * script that takes its dependencies through its constructor (a Spring bean) gets them here:
     * {@code kit.scriptFactory(type -> new ChargeFees(new FakeBilling()))}.
     */
    public synchronized ScriptKit scriptFactory(ScriptFactory factory) {
        this.scriptFactory = factory;
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        return this;
    }

    synchronized ScriptTracker trackerFor(Class<?> scriptClass) {
        if (registered.add(scriptClass) && tracker != null) {
            tracker.close();
            tracker = null;
        }
        return tracker();
    }

    /** A script to run and check, with no parameters yet: {@code kit.script(X.class).with("k", "v").run()}. */
    public ScriptUnderTest script(Class<?> scriptClass) {
        return ScriptUnderTest.of(this, scriptClass);
    }

    /** Runs the script by id, as {@code script-tracker run ID} would, and returns what it did. */
    public ScriptRun run(Class<?> scriptClass) {
        return script(scriptClass).run();
    }

    /** See {@link ScriptUnderTest#assertIdempotent()}. */
    public ScriptRun assertIdempotent(Class<?> scriptClass) {
        return script(scriptClass).assertIdempotent();
    }

    /** See {@link ScriptUnderTest#assertResumable(int)}. */
    public ScriptRun assertResumable(Class<?> scriptClass, int failAtBatch) {
        return script(scriptClass).assertResumable(failAtBatch);
    }

    /** See {@link ScriptUnderTest#assertDryRunChangesNothing()}. */
    public ScriptRun assertDryRunChangesNothing(Class<?> scriptClass) {
        return script(scriptClass).assertDryRunChangesNothing();
    }

    IsolatedDatabase database() {
        return database;
    }

    DatabaseSnapshot snapshot() {
        return DatabaseSnapshot.take(database, IsolatedDatabase::isTrackerTable);
    }

    /** Closes the tracker and drops the test's database. */
    @Override
    public synchronized void close() {
        try {
            if (tracker != null) {
                tracker.close();
                tracker = null;
            }
        } finally {
            database.close();
        }
    }

    @Override
    public String toString() {
        return "ScriptKit on " + database;
    }
}
