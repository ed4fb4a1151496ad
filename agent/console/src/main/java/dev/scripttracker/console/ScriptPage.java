package dev.scripttracker.console;

import dev.scripttracker.HistoryEntry;
import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import java.util.List;
import java.util.Map;

/**
 * One script: its definition and state, the actions it allows, and every attempt newest first, each
 * with its parameters (secrets masked), checkpoints, error and stack trace, and the tail of its output.
 */
final class ScriptPage {

    private static final Map<String, String> NOTICES = Map.of(
            "cancel-requested", "Cancel requested: the process running it stops it at its next batch boundary"
                    + " (other scripts: within a heartbeat).",
            "not-running", "The script was not running any more; nothing was cancelled.",
            "run-started", "Run started. Its attempt appears below once it has claimed the script.",
            "dry-run-started", "Dry run started: its work is rolled back at the end.");

    private final Layout layout;
    private final int maxShownOutputChars;
    private final boolean readOnly;

    ScriptPage(Layout layout, int maxShownOutputChars, boolean readOnly) {
        this.layout = layout;
        this.maxShownOutputChars = maxShownOutputChars;
        this.readOnly = readOnly;
    }

    String render(ScriptState state, List<HistoryEntry> attempts, List<ParameterDeclaration> declared, String notice,
            String principal, String csrfToken) {
        Html body = new Html();
        body.open("p").element("a", "← all scripts", "href", layout.home()).close("p");
        body.element("h1", state.id(), "class", "script-id");
        if (NOTICES.containsKey(notice)) {
            body.element("p", NOTICES.get(notice), "class", "notice", "id", "notice");
        }
        state.definition().ifPresentOrElse(definition -> definition(body, definition),
                () -> body.element("p", "This script is in the database but not in the application's code"
                        + " (removed or renamed): it can be viewed, not run.", "class", "warning"));
        stateTable(body, state);
        if (!readOnly) {
            actions(body, state, declared, csrfToken);
        }
        body.element("h2", "Attempts (" + attempts.size() + ")");
        if (attempts.isEmpty()) {
            body.element("p", "Never run.");
        }
        for (int i = attempts.size() - 1; i >= 0; i--) {
            attempt(body, attempts.get(i));
        }
        return layout.page(state.id(), principal, body);
    }

    private static void definition(Html body, ScriptDefinition definition) {
        body.element("p", definition.description(), "class", "description");
        body.open("table", "class", "facts");
        row(body, "Mode", definition.transaction().name());
        row(body, "Timeout", definition.timeout().isZero() ? "none" : Formats.duration(definition.timeout()));
        row(body, "After", definition.after().isEmpty() ? "nothing" : String.join(", ", definition.after()));
        row(body, "Class", definition.className());
        row(body, "Entry point", definition.entryPoint().name());
        body.close("table");
    }

    private static void stateTable(Html body, ScriptState state) {
        body.element("h2", "State");
        body.open("table", "class", "facts");
        body.open("tr").element("th", "Status").open("td")
                .element("span", state.status().label(), "class", "status " + state.status().label(), "id", "status")
                .close("td").close("tr");
        row(body, "Attempts", state.attempts() + (state.consecutiveFailures() > 0
                ? " (" + state.consecutiveFailures() + " failed in a row)" : ""));
        row(body, "Last started", Formats.time(state.startedAt()));
        row(body, "Finished", Formats.time(state.finishedAt()));
        row(body, "Duration", Formats.duration(state.duration()));
        row(body, "Who", state.executedBy());
        row(body, "Progress", state.progress().describe());
        row(body, "Checkpoint", state.checkpoint());
        row(body, "Cancel requested by", state.cancelRequestedBy());
        if (state.needsExplicitRun()) {
            row(body, "Waits", "for an explicit run: it does not run with the pending scripts");
        }
        body.close("table");
        if (state.errorMessage() != null || state.errorClass() != null) {
            body.open("div", "class", "error", "id", "state-error").element("strong", "Error: ")
                    .text(joined(state.errorClass(), state.errorMessage())).close("div");
        }
    }

    private void actions(Html body, ScriptState state, List<ParameterDeclaration> declared, String csrfToken) {
        if (state.status() == ScriptStatus.RUNNING) {
            body.open("form", "method", "get", "action", layout.script(state.id()) + "/cancel", "class", "actions")
                    .element("button", "Cancel…", "type", "submit", "id", "cancel").close("form");
        } else if (state.definition().isPresent() && !state.status().isDone()) {
            body.element("h2", "Run");
            if (!declared.isEmpty()) {
                declaredParameters(body, declared);
            }
            // POST, so that no parameter (a secret among them) ends up in a URL; this step only asks to confirm.
            body.open("form", "method", "post", "action", layout.script(state.id()) + "/run", "class", "actions run")
                    .empty("input", "type", "hidden", "name", CsrfTokens.FIELD, "value", csrfToken)
                    .open("label").text("Parameters, one NAME=VALUE a line")
                    .open("textarea", "name", "parameters", "rows", "3", "cols", "50", "id", "parameters")
                    .close("textarea").close("label")
                    .open("label").empty("input", "type", "checkbox", "name", "dryRun", "value", "on", "id", "dry-run")
                    .text(" dry run (roll everything back)").close("label")
                    .element("button", "Run…", "type", "submit", "id", "run")
                    .close("form");
        }
    }

    /** What the script's parameters record declares, so that the form's lines can be written from it. */
    private static void declaredParameters(Html body, List<ParameterDeclaration> declared) {
        body.open("table", "class", "facts declared", "id", "declared-parameters").open("tr")
                .element("th", "Parameter").element("th", "Type").element("th", "Needed").element("th", "About")
                .close("tr");
        for (ParameterDeclaration parameter : declared) {
            String needed = parameter.required() ? "required" : parameter.defaultValue().map(d -> "default " + d)
                    .orElse("optional");
            body.open("tr").element("td", parameter.name()).element("td", parameter.expects())
                    .element("td", needed + (parameter.secret() ? ", secret" : "")
                            + parameter.env().map(e -> " (else $" + e + ")").orElse(""))
                    .element("td", parameter.description()).close("tr");
        }
        body.close("table");
    }

    private void attempt(Html body, HistoryEntry entry) {
        body.open("section", "class", "attempt", "data-attempt", Integer.toString(entry.attempt()));
        body.open("h3").text("#" + entry.attempt() + " " + entry.action() + " ")
                .element("span", entry.status().label(), "class", "status " + entry.status().label()).close("h3");
        body.open("table", "class", "facts");
        row(body, "Started", Formats.time(entry.startedAt()));
        row(body, "Duration", Formats.duration(entry.duration()));
        row(body, "Who", entry.executedBy());
        row(body, "Parameters", Formats.parameters(entry.parameters()));
        row(body, "Resumed from", entry.resumedFrom());
        row(body, "Checkpoint reached", entry.checkpoint());
        row(body, "Items done", entry.progressDone() > 0 ? Long.toString(entry.progressDone()) : "");
        body.close("table");
        if (entry.errorClass() != null || entry.errorMessage() != null) {
            body.open("div", "class", "error").element("strong", "Error: ")
                    .text(joined(entry.errorClass(), entry.errorMessage())).close("div");
        }
        if (entry.errorStack() != null && !entry.errorStack().isEmpty()) {
            body.open("details").element("summary", "Stack trace")
                    .element("pre", Formats.tail(entry.errorStack(), maxShownOutputChars), "class", "stack")
                    .close("details");
        }
        if (entry.unreadable() != null) {
            body.element("p", entry.unreadable(), "class", "warning");
        }
        if (entry.output() != null && !entry.output().isEmpty()) {
            body.element("h4", "Output").element("pre", Formats.tail(entry.output(), maxShownOutputChars), "class", "output");
        }
        body.close("section");
    }

    private static void row(Html body, String name, String value) {
        if (value != null && !value.isEmpty()) {
            body.open("tr").element("th", name).element("td", value).close("tr");
        }
    }

    private static String joined(String errorClass, String message) {
        return errorClass == null ? message : message == null ? errorClass : errorClass + ": " + message;
    }
}
