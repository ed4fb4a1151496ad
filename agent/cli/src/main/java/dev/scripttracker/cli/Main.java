package dev.scripttracker.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code java -jar script-tracker.jar ...}: the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        quietEngineLog();
        System.exit(run(args));
    }

    /**
     * The command line prints each outcome itself; the engine's own lines would repeat them. Set as
     * system properties, not a simplelogger.properties file, which could clash with the application's.
     */
    private static void quietEngineLog() {
        setIfAbsent("org.slf4j.simpleLogger.log.dev.scripttracker.engine", "warn");
        // The command line prints start-up warnings itself, as "warning: ..." lines.
        setIfAbsent("org.slf4j.simpleLogger.log.dev.scripttracker.setup", "error");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ScriptTrackerCommand());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler(new ErrorReporter.UsageErrors());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionStrategy(Main::refuseUnmatchedThenRun);
        return commandLine;
    }

    /**
     * picocli drops an unknown command or argument when --help is given too, and shows the help with
     * exit 0, so "script-tracker unknowncommand --help" looked like a success. An unmatched argument is
     * a usage error whatever else is on the line.
     */
    private static int refuseUnmatchedThenRun(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }
}
