package dev.scripttracker.console;

import java.util.Map;

/** The page that asks before an action is taken; its form is the only way to send the action. */
final class ConfirmPage {

    private final Layout layout;

    ConfirmPage(Layout layout) {
        this.layout = layout;
    }

    String cancel(String id, String csrfToken, String principal) {
        Html body = new Html();
        body.element("h1", "Cancel " + id + "?");
        body.element("p", "A BATCH script stops after the batch under way commits, keeps the batches it committed, and"
                + " resumes there when it is run by id again. Any other script is stopped at once and its work rolled"
                + " back (a script without a transaction is left as it is). The run is recorded as cancelled by "
                + principal + " and waits for an explicit run.");
        form(body, id, "cancel", csrfToken, "Yes, cancel it", Map.of());
        return layout.page("Cancel " + id, principal, body);
    }

    /** @param shownParameters the parameters with secrets masked, blank for none */
    String run(String id, String shownParameters, String pendingReference, boolean dryRun, String csrfToken,
            String principal) {
        Html body = new Html();
        body.element("h1", (dryRun ? "Dry run " : "Run ") + id + "?");
        body.element("p", dryRun ? "The script runs and all its work is rolled back at the end; the attempt is recorded."
                : "The script runs now in the console's process, under its lock, and is recorded as run by " + principal
                + ".");
        body.element("p", shownParameters.isEmpty() ? "No parameters." : "Parameters: " + shownParameters,
                "id", "confirm-parameters");
        form(body, id, "run", csrfToken, dryRun ? "Yes, dry run it" : "Yes, run it",
                Map.of(RunConfirmations.FIELD, pendingReference));
        return layout.page("Run " + id, principal, body);
    }

    private void form(Html body, String id, String action, String csrfToken, String label, Map<String, String> fields) {
        body.open("form", "method", "post", "action", layout.script(id) + "/" + action, "class", "confirm")
                .empty("input", "type", "hidden", "name", CsrfTokens.FIELD, "value", csrfToken)
                .empty("input", "type", "hidden", "name", "confirm", "value", "yes");
        fields.forEach((name, value) -> body.empty("input", "type", "hidden", "name", name, "value", value));
        body.element("button", label, "type", "submit", "id", "confirm")
                .text(" ").element("a", "No, go back", "href", layout.script(id))
                .close("form");
    }
}
