package dev.scripttracker.console;

/** The frame around every page: head, the console's own style sheet and script, the header bar. */
final class Layout {

    private final String basePath;
    private final boolean readOnly;

    Layout(String basePath, boolean readOnly) {
        this.basePath = basePath;
        this.readOnly = readOnly;
    }

    String page(String title, String principal, Html body) {
        Html page = new Html();
        page.open("!DOCTYPE html").open("html", "lang", "en").open("head")
                .empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title + " · script-tracker")
                .empty("link", "rel", "stylesheet", "href", basePath + "/static/console.css")
                .open("script", "src", basePath + "/static/console.js", "defer", "defer").close("script")
                .close("head").open("body")
                .open("header").open("a", "href", home(), "class", "brand").text("script-tracker").close("a")
                .element("span", readOnly ? "read-only" : "", "class", readOnly ? "badge read-only" : null)
                .element("span", "signed in as " + principal, "class", "who")
                .close("header")
                .open("main").append(body).close("main")
                .close("body").close("html");
        return page.toString();
    }

    String home() {
        return basePath + "/";
    }

    String script(String id) {
        return basePath + "/scripts/" + id;
    }
}
