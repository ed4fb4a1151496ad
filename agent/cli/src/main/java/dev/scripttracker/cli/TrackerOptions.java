package dev.scripttracker.cli;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.ScriptTrackerBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the records live and where the application's scripts are: shared by every command. */
final class TrackerOptions {

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "Database holding the scripts' records (default: SCRIPT_TRACKER_URL, else the embedded H2"
                    + " database under ./.script-tracker/).")
    String url;

    @Option(names = "--user", description = "Database user (default: SCRIPT_TRACKER_USER).")
    String user;

    @Option(names = "--password", arity = "0..1", interactive = true,
            description = "Database password; without a value it is asked for (default: SCRIPT_TRACKER_PASSWORD).")
    String password;

    @Option(names = "--table-prefix", paramLabel = "PREFIX", description = "Base name of the tables (default: tracked_scripts).")
    String tablePrefix;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "The application's jars and class directories, separated by '${sys:path.separator}';"
                    + " DIR/* adds every jar in DIR (default: SCRIPT_TRACKER_CLASSPATH).")
    String classpath;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private ClassLoader loader;

    /** Opens the tracker over the application's class path, with the given extra settings (e.g. lock-wait). */
    ScriptTracker open(Map<String, String> moreFlags) {
        return warned(builder(moreFlags).build());
    }

    ScriptTracker open() {
        return open(Map.of());
    }

    /**
     * For commands that only read: the tables are checked, never created or upgraded, so that a
     * mistyped --table-prefix is an error rather than a new, empty store listing every script as pending.
     */
    ScriptTracker openForReading() {
        return warned(builder(Map.of()).readOnly().build());
    }

    /** Start-up warnings (scripts compiled without the processor), one line each on stderr. */
    private ScriptTracker warned(ScriptTracker tracker) {
        tracker.warnings().forEach(warning -> command.commandLine().getErr().println("warning: " + warning));
        command.commandLine().getErr().flush();
        return tracker;
    }

    private ScriptTrackerBuilder builder(Map<String, String> moreFlags) {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "url", notEmpty("--url", url, "give the JDBC URL of the database holding the records, e.g."
                + " --url jdbc:postgresql://db:5432/app, or leave --url out to use SCRIPT_TRACKER_URL or else the"
                + " embedded H2 database"));
        put(flags, "user", user);
        put(flags, "password", password);
        put(flags, "table-prefix", notEmpty("--table-prefix", tablePrefix, "give the tables' base name, e.g."
                + " --table-prefix ops_scripts, or leave it out for tracked_scripts"));
        flags.putAll(moreFlags);
        return ScriptTracker.builder().classLoader(loader()).configure(flags);
    }

    /** The application's class loader (its scripts, registries and drivers), made once per command. */
    ClassLoader loader() {
        if (loader == null) {
            loader = ApplicationClassPath.loader(classpath != null ? classpath : System.getenv("SCRIPT_TRACKER_CLASSPATH"));
            ApplicationDrivers.register(loader);
            Thread.currentThread().setContextClassLoader(loader);
        }
        return loader;
    }

    /**
     * A value given on the command line. Configuration counts a blank value as not set, which is right
     * for an environment variable left empty, but an option typed with an empty value ({@code --url ''},
     * often an unset shell variable) would then silently fall back to another database.
     */
    static String notEmpty(String option, String value, String fix) {
        if (value != null && value.isBlank()) {
            throw new ConfigurationException(option + " is empty; " + fix + ".");
        }
        return value;
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
