package dev.scripttracker.console;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ParameterDeclarations;
import dev.scripttracker.ParameterProblem;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptTracker;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console over one {@link ScriptTracker}: turns a {@link ConsoleRequest} into a
 * {@link ConsoleResponse}, whichever server carries it (the command line's {@link ConsoleServer},
 * or a servlet in an application). Checks the credentials of every request, and the CSRF token and
 * read-only mode of every action.
 *
 * <pre>{@code
 * Console console = new Console(tracker, ConsoleSettings.defaults().withReadOnly(true));
 * ConsoleResponse response = console.handle(request);
 * }</pre>
 */
public final class Console implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private static final Pattern SCRIPT_PATH = Pattern.compile("/scripts/([A-Za-z0-9][A-Za-z0-9._-]{0,127})(/cancel|/run)?");

    private final ScriptTracker tracker;
    private final ConsoleSettings settings;
    private final Clock clock;
    private final CsrfTokens csrf = new CsrfTokens();
    private final RunConfirmations confirmations;
    private final ConsoleActions actions;
    private final StaticFiles files = new StaticFiles();
    private final Layout layout;
    private final ScriptsPage scriptsPage;
    private final ScriptPage scriptPage;
    private final ConfirmPage confirmPage;
    private final MessagePage messages;

    public Console(ScriptTracker tracker, ConsoleSettings settings) {
        this.tracker = tracker;
        this.settings = settings;
        this.clock = Clock.systemUTC();
        this.confirmations = new RunConfirmations(clock);
        this.actions = new ConsoleActions(tracker, settings.audit(), settings.credentials());
        this.layout = new Layout(settings.basePath(), settings.readOnly());
        this.scriptsPage = new ScriptsPage(layout);
        this.scriptPage = new ScriptPage(layout, settings.maxShownOutputChars(), settings.readOnly());
        this.confirmPage = new ConfirmPage(layout);
        this.messages = new MessagePage(layout);
    }

    public ConsoleSettings settings() {
        return settings;
    }

    public ConsoleResponse handle(ConsoleRequest request) {
        Optional<String> principal = settings.credentials().authenticate(request.header().apply("Authorization"),
                request.containerPrincipal());
        if (principal.isEmpty()) {
            return ConsoleResponse.html(401, messages.render("Sign in", "", settings.credentials().signInHint())).withHeader("WWW-Authenticate",
                    settings.credentials().challenge());
        }
        if (!request.isPost() && !"GET".equals(request.method())) {
            return ConsoleResponse.html(405, messages.render("Not allowed", principal.get(), "The console answers"
                    + " GET for pages and POST for actions only.")).withHeader("Allow", "GET, POST");
        }
        try {
            return route(request, principal.get());
        } catch (RuntimeException e) {
            LOG.error("the console could not answer {} {}", request.method(), request.path(), e);
            return ConsoleResponse.html(500, messages.render("Error", principal.get(), "The console could not answer: "
                    + e.getMessage() + ". Nothing was changed by this request; see the console's log."));
        }
    }

    private ConsoleResponse route(ConsoleRequest request, String principal) {
        String path = request.path();
        if (path.startsWith("/static/")) {
            return files.serve(path.substring("/static/".length()));
        }
        if (!request.isPost() && (path.equals("/") || path.isEmpty())) {
            return ConsoleResponse.html(200, scriptsPage.render(tracker.status(), ScriptsPage.Filter.of(request),
                    principal, clock.instant()));
        }
        if (!request.isPost() && path.equals("/rows")) {
            ScriptsPage.Filter filter = ScriptsPage.Filter.of(request);
            return ConsoleResponse.html(200, scriptsPage.rows(filter.apply(tracker.status()), clock.instant()).toString());
        }
        Matcher script = SCRIPT_PATH.matcher(path);
        if (!script.matches()) {
            return notFound(principal, "There is no page at " + path + ".");
        }
        String id = script.group(1);
        String action = script.group(2);
        if (action == null && !request.isPost()) {
            return scriptPage(id, request.queryValue("notice"), principal);
        }
        if (action == null) {
            return notFound(principal, "Actions are sent to /scripts/ID/cancel or /scripts/ID/run.");
        }
        if (settings.readOnly()) {
            return ConsoleResponse.html(403, messages.render("Read-only", principal, "This console is read-only:"
                    + " nothing can be run or cancelled from it. Nothing was changed."));
        }
        if (request.isPost()) {
            if (!csrf.valid(principal, request.formValue(CsrfTokens.FIELD).orElse(null))) {
                return ConsoleResponse.html(403, messages.render("Refused", principal, "The action's CSRF token is"
                        + " missing or out of date (the console may have restarted), so it was refused and nothing"
                        + " was changed. Go back, reload the script's page and try again."));
            }
            if (action.equals("/cancel") && !confirmed(request)) {
                return ConsoleResponse.html(400, messages.render("Not confirmed", principal, "The action was not"
                        + " confirmed (confirm=yes is missing); nothing was changed."));
            }
        }
        return action.equals("/cancel") ? cancel(request, id, principal) : run(request, id, principal);
    }

    private ConsoleResponse scriptPage(String id, String notice, String principal) {
        Optional<ScriptState> state = stateOf(id);
        if (state.isEmpty()) {
            return notFound(principal, "No script has the id " + id + ", in the code or in the database.");
        }
        List<HistoryEntry> attempts = tracker.history(id);
        List<ParameterDeclaration> declared = state.get().definition().isPresent() ? tracker.parameters(id).list() : List.of();
        return ConsoleResponse.html(200, scriptPage.render(state.get(), attempts, declared, notice, principal,
                csrf.tokenFor(principal)));
    }

    private ConsoleResponse cancel(ConsoleRequest request, String id, String principal) {
        if (stateOf(id).isEmpty()) {
            return notFound(principal, "No script has the id " + id + ", in the code or in the database.");
        }
        if (!request.isPost()) {
            return ConsoleResponse.html(200, confirmPage.cancel(id, csrf.tokenFor(principal), principal));
        }
        boolean requested = actions.cancel(id, principal);
        return ConsoleResponse.redirect(layout.script(id) + "?notice=" + (requested ? "cancel-requested" : "not-running"));
    }

    /**
     * The run form is sent by POST (a secret parameter must not travel in a URL): without
     * {@code confirm=yes} its parameters are checked and held, and it gets the confirmation page; the
     * confirmation names what is held, and the run starts.
     */
    private ConsoleResponse run(ConsoleRequest request, String id, String principal) {
        Optional<ScriptState> state = stateOf(id);
        if (state.isEmpty() || state.get().definition().isEmpty()) {
            return notFound(principal, "No script with the id " + id + " is in the application's code, so it cannot"
                    + " be run from here.");
        }
        if (!request.isPost()) {
            return ConsoleResponse.redirect(layout.script(id));
        }
        if (confirmed(request)) {
            return confirmedRun(request, id, principal);
        }
        String text = request.formValue("parameters").orElse("");
        boolean dryRun = "on".equals(request.formValue("dryRun").orElse(""));
        ParameterDeclarations declared = tracker.parameters(id);
        Map<String, String> parameters;
        try {
            parameters = RunParameters.parse(text);
        } catch (IllegalArgumentException bad) {
            return badParameters(principal, bad.getMessage());
        }
        List<ParameterProblem> problems = declared.check(parameters);
        if (!problems.isEmpty()) {
            return badParameters(principal, problems.stream().map(ParameterProblem::message)
                    .collect(Collectors.joining("; ")));
        }
        Set<String> secrets = Formats.secretNames(declared);
        String shown = Formats.parameters(parameters, secrets);
        String reference = confirmations.hold(id, parameters, shown, dryRun, principal);
        return ConsoleResponse.html(200, confirmPage.run(id, shown, reference, dryRun, csrf.tokenFor(principal),
                principal));
    }

    private ConsoleResponse confirmedRun(ConsoleRequest request, String id, String principal) {
        Optional<RunConfirmations.Pending> pending = confirmations.take(
                request.formValue(RunConfirmations.FIELD).orElse(null), id, principal);
        if (pending.isEmpty()) {
            return ConsoleResponse.html(400, messages.render("Not confirmed", principal, "This confirmation is unknown,"
                    + " was used already or is older than " + RunConfirmations.VALID_FOR.toMinutes() + " minutes, so"
                    + " nothing was run. Start again from the script's page."));
        }
        RunConfirmations.Pending run = pending.get();
        actions.run(id, run.parameters(), run.shown(), run.dryRun(), principal);
        return ConsoleResponse.redirect(layout.script(id) + "?notice=" + (run.dryRun() ? "dry-run-started" : "run-started"));
    }

    private ConsoleResponse badParameters(String principal, String problem) {
        return ConsoleResponse.html(400, messages.render("Bad parameters", principal, "Nothing was run: " + problem
                + ". Go back and correct them."));
    }

    private static boolean confirmed(ConsoleRequest request) {
        return "yes".equals(request.formValue("confirm").orElse(""));
    }

    private Optional<ScriptState> stateOf(String id) {
        return tracker.status().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private ConsoleResponse notFound(String principal, String message) {
        return ConsoleResponse.html(404, messages.render("Not found", principal, message));
    }

    /** Stops the console's own run threads; the tracker belongs to whoever created the console. */
    @Override
    public void close() {
        actions.close();
    }
}
