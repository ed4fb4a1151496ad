package dev.scripttracker.cli;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.console.Console;
import dev.scripttracker.console.ConsoleServer;
import dev.scripttracker.console.ConsoleSettings;
import dev.scripttracker.console.Credentials;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the web console: every script with its state and live progress, each script's attempts"
                + " with output and errors, and (unless --read-only) cancel and run, each confirmed.",
            "Listens on 127.0.0.1 by default. Any other address needs a password or a token: HTTP basic"
                    + " (--console-user/--console-password) or a bearer token (--console-token). Stop it with Ctrl-C."},
        footer = {"", "Exit codes: 0 stopped; 2 usage or configuration error (e.g. a non-loopback --host without"
                + " credentials, or a port in use)."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    TrackerOptions tracker;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, which needs"
                    + " credentials).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default:"
            + " ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--read-only", description = "Pages only: no action is offered and every action is refused; the"
            + " store's tables are only read, never created or upgraded.")
    boolean readOnly;

    @Option(names = "--console-user", paramLabel = "NAME",
            description = "User name for HTTP basic (default: SCRIPT_TRACKER_CONSOLE_USER, else admin).")
    String user;

    @Option(names = "--console-password", arity = "0..1", interactive = true, paramLabel = "PASSWORD",
            description = "Password for HTTP basic; without a value it is asked for (default:"
                    + " SCRIPT_TRACKER_CONSOLE_PASSWORD).")
    String password;

    @Option(names = "--console-token", paramLabel = "TOKEN",
            description = "Bearer token accepted instead of a password (default: SCRIPT_TRACKER_CONSOLE_TOKEN).")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ConfigurationException("--port " + port + " is not a port; give one from 1 to 65535, or 0 for"
                    + " any free port");
        }
        Credentials credentials = credentials();
        ConsoleServer.checkedAddress(host, credentials);
        Output output = new Output(spec.commandLine().getOut());
        ScriptTracker scripts = readOnly ? tracker.openForReading() : tracker.open();
        ConsoleServer server;
        try {
            Console console = new Console(scripts, ConsoleSettings.defaults().withCredentials(credentials)
                    .withReadOnly(readOnly).withAudit(line -> output.line("console: " + VisibleText.of(line))));
            server = ConsoleServer.start(console, host, port);
        } catch (RuntimeException e) {
            scripts.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            scripts.close();
            stopped.countDown();
        }, "script-tracker-console-stop"));
        output.line("console on " + server.url() + (readOnly ? " (read-only)" : "")
                + (credentials.required() ? "" : " (no credentials: this machine only)") + "; Ctrl-C stops it");
        stopped.await();
        return ExitCodes.OK;
    }

    private Credentials credentials() {
        try {
            return Credentials.of(firstSet(user, "SCRIPT_TRACKER_CONSOLE_USER"),
                    firstSet(password, "SCRIPT_TRACKER_CONSOLE_PASSWORD"), firstSet(token, "SCRIPT_TRACKER_CONSOLE_TOKEN"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private static String firstSet(String option, String environment) {
        return option != null ? option : System.getenv(environment);
    }
}
