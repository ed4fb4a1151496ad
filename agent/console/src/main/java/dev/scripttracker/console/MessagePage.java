package dev.scripttracker.console;

/** A page that says one thing: an error, a refusal, a request to sign in. */
final class MessagePage {

    private final Layout layout;

    MessagePage(Layout layout) {
        this.layout = layout;
    }

    String render(String title, String principal, String message) {
        Html body = new Html();
        body.element("h1", title).element("p", message, "class", "message", "id", "message")
                .open("p").element("a", "Back to the scripts", "href", layout.home()).close("p");
        return layout.page(title, principal.isEmpty() ? "nobody" : principal, body);
    }
}
