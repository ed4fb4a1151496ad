package dev.scripttracker.console;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptTracker;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        this.actions = new ConsoleActions(tracker, settings.audit());
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
            if (!"yes".equals(request.formValue("confirm").orElse(""))) {
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
        return ConsoleResponse.html(200, scriptPage.render(state.get(), attempts, notice, principal));
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

    private ConsoleResponse run(ConsoleRequest request, String id, String principal) {
        Optional<ScriptState> state = stateOf(id);
        if (state.isEmpty() || state.get().definition().isEmpty()) {
            return notFound(principal, "No script with the id " + id + " is in the application's code, so it cannot"
                    + " be run from here.");
        }
        String text = request.isPost() ? request.formValue("parameters").orElse("") : request.queryValue("parameters");
        boolean dryRun = "on".equals(request.isPost() ? request.formValue("dryRun").orElse("") : request.queryValue("dryRun"));
        Map<String, String> parameters;
        try {
            parameters = RunParameters.parse(text);
        } catch (IllegalArgumentException bad) {
            return ConsoleResponse.html(400, messages.render("Bad parameters", principal, "Nothing was run: "
                    + bad.getMessage() + "."));
        }
        if (!request.isPost()) {
            return ConsoleResponse.html(200, confirmPage.run(id, parameters, text, dryRun, csrf.tokenFor(principal),
                    principal));
        }
        actions.run(id, parameters, dryRun, principal);
        return ConsoleResponse.redirect(layout.script(id) + "?notice=" + (dryRun ? "dry-run-started" : "run-started"));
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
