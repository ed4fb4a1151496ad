package dev.scripttracker;

import dev.scripttracker.internal.DriverManagerDataSource;
import dev.scripttracker.internal.JdbcUrls;
import dev.scripttracker.internal.Operator;
import dev.scripttracker.internal.config.ConfigurationApplier;
import dev.scripttracker.internal.config.ConfigurationSources;
import dev.scripttracker.internal.config.ConfigurationTarget;
import dev.scripttracker.internal.registry.AnnotatedScripts;
import dev.scripttracker.internal.registry.ScriptCatalog;
import dev.scripttracker.internal.registry.ScriptsWithoutRegistry;
import dev.scripttracker.internal.run.Engine;
import dev.scripttracker.internal.run.Settings;
import dev.scripttracker.internal.store.OperatorName;
import dev.scripttracker.internal.store.TableNames;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures a {@link ScriptTracker}. Without a data source or URL it uses the embedded H2 database
 * under {@code ./.script-tracker/}.
 *
 * <pre>{@code
 * ScriptTracker tracker = ScriptTracker.builder()
 *         .jdbcUrl("jdbc:postgresql://db/app", "app", secret)
 *         .tablePrefix("ops_scripts")
 *         .build();
 * }</pre>
 */
public final class ScriptTrackerBuilder implements ConfigurationTarget {

    /** The embedded default store; AUTO_SERVER lets a second process (the CLI) read it while the app runs. */
    private static final Logger SETUP_LOG = LoggerFactory.getLogger("dev.scripttracker.setup");

    public static final String DEFAULT_URL = "jdbc:h2:file:./.script-tracker/script-tracker;AUTO_SERVER=TRUE";

    private DataSource dataSource;
    private String where;
    private List<String> secrets = List.of();
    private String tablePrefix = TableNames.DEFAULT_PREFIX;
    private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private final List<ScriptDefinition> registeredInCode = new ArrayList<>();
    private Duration lockWait = Duration.ofSeconds(10);
    private Duration lease = Duration.ofSeconds(30);
    private int maxOutputChars = 65_536;
    private int maxConsecutiveFailures = 3;
    private boolean continueAfterFailure;
    private String operator = Operator.current();
    private Clock clock = Clock.systemUTC();
    private boolean readOnly;
    private ScriptFactory scriptFactory;
    private WorkConnectionBinder workConnectionBinder;
    private final List<RunListener> listeners = new ArrayList<>();

    ScriptTrackerBuilder() {
    }

    /** The application's own data source; scripts' work and the store share its database. */
    public ScriptTrackerBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.where = "data source " + dataSource.getClass().getName();
        this.secrets = List.of();
        return this;
    }

    public ScriptTrackerBuilder jdbcUrl(String url) {
        return jdbcUrl(url, null, null);
    }

    @Override
    public ScriptTrackerBuilder jdbcUrl(String url, String user, String password) {
        this.dataSource = new DriverManagerDataSource(Objects.requireNonNull(url, "url"), user, password);
        this.where = JdbcUrls.redact(url);
        this.secrets = new ArrayList<>(JdbcUrls.secretsIn(url));
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        return this;
    }

    /**
     * Base name of the tables ({@code PREFIX}, {@code PREFIX_history}, ...); default {@code tracked_scripts}.
     *
     * @throws ConfigurationException when it is not an identifier (checked here, so a caller can say where it came from)
     */
    @Override
    public ScriptTrackerBuilder tablePrefix(String tablePrefix) {
        TableNames.forPrefix(tablePrefix);
        this.tablePrefix = tablePrefix;
        return this;
    }

    /** Where the generated registries and the script classes are loaded from. */
    public ScriptTrackerBuilder classLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /** Registers {@link TrackedScript} classes in code, in addition to the generated registries. */
    public ScriptTrackerBuilder register(Class<?>... scriptClasses) {
        for (Class<?> type : scriptClasses) {
            registeredInCode.add(AnnotatedScripts.definitionOf(type));
        }
        return this;
    }

    /** How long a run waits for another process that holds the same script; default 10 seconds. */
    @Override
    public ScriptTrackerBuilder lockWait(Duration lockWait) {
        this.lockWait = requireNotNegative(lockWait, "lockWait");
        return this;
    }

    /**
     * How long a running script's claim lasts without a heartbeat (renewed every third of it);
     * default 30 seconds. Where the lock is a lease (H2), a dead holder is detected after this long.
     */
    @Override
    public ScriptTrackerBuilder lease(Duration lease) {
        this.lease = requireNotNegative(lease, "lease");
        if (lease.toMillis() < 30) {
            throw new ConfigurationException("lease " + lease + " is too short to renew; use at least PT0.03S");
        }
        return this;
    }

    /** Bound of the output kept per run; the tail is kept. Default 65,536 characters. */
    @Override
    public ScriptTrackerBuilder maxOutputChars(int maxOutputChars) {
        if (maxOutputChars < 100) {
            throw new ConfigurationException("maxOutputChars " + maxOutputChars + " is too small; use at least 100");
        }
        this.maxOutputChars = maxOutputChars;
        return this;
    }

    /** After this many failures in a row a script waits for an explicit run; default 3. */
    @Override
    public ScriptTrackerBuilder maxConsecutiveFailures(int maxConsecutiveFailures) {
        if (maxConsecutiveFailures < 1) {
            throw new ConfigurationException("maxConsecutiveFailures must be at least 1, not " + maxConsecutiveFailures);
        }
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        return this;
    }

    /** Whether {@link ScriptTracker#runPending()} goes on after a failed script; default false. */
    @Override
    public ScriptTrackerBuilder continueAfterFailure(boolean continueAfterFailure) {
        this.continueAfterFailure = continueAfterFailure;
        return this;
    }

    /** Who is recorded as running the scripts, at most 255 characters; default {@code user@host}. */
    @Override
    public ScriptTrackerBuilder operator(String operator) {
        this.operator = OperatorName.check(operator);
        return this;
    }

    /**
     * Opens the store for reading only, as {@code status} and {@code history} do: {@link #build()}
     * creates and upgrades nothing, and refuses with a {@link ConfigurationException} when no table
     * exists under the prefix (a mistyped prefix must not look like "every script is pending"), when
     * the tables are incomplete, lack columns, or were written by an older or newer version. Running,
     * rolling back, cancelling and cleaning up then throw {@link ConfigurationException}.
     *
     * <pre>{@code
     * try (ScriptTracker tracker = ScriptTracker.builder().dataSource(ds).readOnly().build()) {
     *     tracker.status().forEach(s -> log.info("{}: {}", s.id(), s.status()));
     * }
     * }</pre>
     */
    public ScriptTrackerBuilder readOnly() {
        this.readOnly = true;
        return this;
    }

    /**
     * Creates script instances, e.g. through a dependency-injection container; default: the class's
     * public no-argument constructor.
     */
    public ScriptTrackerBuilder scriptFactory(ScriptFactory scriptFactory) {
        this.scriptFactory = Objects.requireNonNull(scriptFactory, "scriptFactory");
        return this;
    }

    /**
     * Shows each script's work connection to a container's transaction management while the script runs
     * (the Spring Boot integration binds it as Spring's current transaction); default: none.
     */
    public ScriptTrackerBuilder workConnectionBinder(WorkConnectionBinder workConnectionBinder) {
        this.workConnectionBinder = Objects.requireNonNull(workConnectionBinder, "workConnectionBinder");
        return this;
    }

    /** Hears every run of the tracker (progress and results), whoever starts it; may be called several times. */
    public ScriptTrackerBuilder listener(RunListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The clock for timestamps and leases (tests move it forward). */
    public ScriptTrackerBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Applies the configuration given outside code. Each setting comes from the first source that has
     * it: {@code flags}, then environment variables {@code SCRIPT_TRACKER_*}, then system properties
     * {@code scripttracker.*}, then the file {@code script-tracker.properties} in the working directory,
     * if there is one. A blank value counts as not set; a setting set nowhere keeps its current value
     * (so with no URL anywhere, the embedded H2 database is used). Setters called after this win.
     *
     * <p>Settings, by flag key; the environment variable is {@code SCRIPT_TRACKER_} plus the key in
     * upper snake case ({@code SCRIPT_TRACKER_LOCK_WAIT}), the system property {@code scripttracker.}
     * plus the key ({@code scripttracker.lock-wait}), and the file key is the key itself, optionally
     * prefixed {@code scripttracker.}:
     * {@code url}, {@code user}, {@code password} (user and password only together with url),
     * {@code table-prefix}, {@code lock-wait} and {@code lease} (ISO-8601 like {@code PT30S}, or
     * {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}), {@code max-output-chars},
     * {@code max-consecutive-failures}, {@code continue-after-failure} ({@code true} or {@code false}),
     * and {@code operator}.
     *
     * <pre>{@code
     * ScriptTracker tracker = ScriptTracker.builder()
     *         .configure(Map.of("lock-wait", "PT1M"))   // e.g. parsed from --lock-wait=PT1M
     *         .build();
     * }</pre>
     *
     * @param flags explicit values by key, with or without a leading {@code --}; empty for none
     * @throws ConfigurationException for an unknown flag or file key, an unreadable file, or a bad
     *         value, naming the setting, where it came from and how to fix it (never showing a password)
     */
    public ScriptTrackerBuilder configure(Map<String, String> flags) {
        return ConfigurationApplier.apply(ConfigurationSources.ofThisProcess(flags).resolve(), this);
    }

    /**
     * Loads the registries, connects, and creates or checks the tables (only checks them when {@link #readOnly()}).
     *
     * @throws ConfigurationException naming what is wrong and how to fix it; nothing is written then
     */
    public ScriptTracker build() {
        TableNames tables = TableNames.forPrefix(tablePrefix);
        ScriptCatalog catalog = ScriptCatalog.load(classLoader, registeredInCode);
        // Only when nothing is registered at all: a start with scripts never pays for the search.
        List<String> warnings = catalog.runOrder().isEmpty()
                ? ScriptsWithoutRegistry.warningFor(classLoader).stream().toList() : List.of();
        warnings.forEach(warning -> SETUP_LOG.warn(warning));
        if (dataSource == null) {
            jdbcUrl(DEFAULT_URL);
        }
        Settings settings = new Settings(tables, lockWait, lease, maxOutputChars, maxConsecutiveFailures,
                continueAfterFailure, operator, clock, classLoader, scriptFactory, workConnectionBinder);
        return new ScriptTracker(readOnly ? Engine.connectReadOnly(dataSource, where, secrets, settings, catalog)
                : Engine.connect(dataSource, where, secrets, settings, catalog), warnings, listeners);
    }

    private static Duration requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new ConfigurationException(name + " must be zero or positive, not " + value);
        }
        return value;
    }
}
