package dev.scripttracker.console;

import dev.scripttracker.Progress;
import dev.scripttracker.ScriptState;
import dev.scripttracker.ScriptStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The scripts page: every script with its state, filtered by status and by a part of its id. The
 * table's rows are also served alone ({@link #rows}), which the page's script fetches every second
 * to move the progress of running scripts without a reload.
 */
final class ScriptsPage {

    private final Layout layout;

    ScriptsPage(Layout layout) {
        this.layout = layout;
    }

    String render(List<ScriptState> states, Filter filter, String principal, Instant now) {
        Html body = new Html();
        body.element("h1", "Scripts");
        filterForm(body, filter);
        List<ScriptState> shown = filter.apply(states);
        body.element("p", shown.size() + " of " + states.size() + " scripts", "class", "count", "id", "count");
        body.open("table", "class", "scripts").open("thead").open("tr");
        for (String column : List.of("Script", "Status", "Last run", "Duration", "Who", "Progress", "Rate", "ETA")) {
            body.element("th", column);
        }
        body.close("tr").close("thead")
                .open("tbody", "id", "script-rows", "data-refresh", layout.home() + "rows" + filter.query())
                .append(rows(shown, now)).close("tbody").close("table");
        return layout.page("Scripts", principal, body);
    }

    Html rows(List<ScriptState> shown, Instant now) {
        Html rows = new Html();
        if (shown.isEmpty()) {
            rows.open("tr").element("td", "No script matches.", "colspan", "8", "class", "empty").close("tr");
        }
        for (ScriptState state : shown) {
            Progress progress = state.progress();
            rows.open("tr", "data-script", state.id(), "data-status", state.status().label())
                    .open("td").element("a", state.id(), "href", layout.script(state.id())).close("td")
                    .open("td").element("span", state.status().label(), "class", "status " + state.status().label())
                    .close("td")
                    .element("td", Formats.time(state.startedAt()))
                    .element("td", Formats.duration(duration(state, now)))
                    .element("td", state.executedBy())
                    .open("td", "class", "progress");
            if (progress.done() > 0 || progress.total() > 0) {
                rows.open("progress", "value", Long.toString(Math.min(progress.done(), Math.max(progress.total(), 0))),
                        "max", progress.total() > 0 ? Long.toString(progress.total()) : null).close("progress");
                rows.element("span", amount(progress), "class", "done");
            }
            rows.close("td")
                    .element("td", progress.itemsPerSecond() > 0
                            ? String.format(Locale.ROOT, "%,.0f/s", progress.itemsPerSecond()) : "", "class", "rate")
                    .element("td", state.status() == ScriptStatus.RUNNING
                            ? progress.eta().map(Formats::duration).orElse("") : "", "class", "eta")
                    .close("tr");
        }
        return rows;
    }

    private static String amount(Progress progress) {
        return progress.total() > 0 ? String.format(Locale.ROOT, "%,d/%,d", progress.done(), progress.total())
                : String.format(Locale.ROOT, "%,d done", progress.done());
    }

    /** A running script's duration so far; the recorded one of any other. */
    private static Duration duration(ScriptState state, Instant now) {
        if (state.status() == ScriptStatus.RUNNING && state.startedAt() != null) {
            return Duration.between(state.startedAt(), now);
        }
        return state.duration();
    }

    private void filterForm(Html body, Filter filter) {
        body.open("form", "method", "get", "action", layout.home(), "class", "filter")
                .open("label").text("Status ").open("select", "name", "status")
                .element("option", "any", "value", "");
        for (ScriptStatus status : ScriptStatus.values()) {
            if (status != ScriptStatus.UNKNOWN) {
                body.element("option", status.label(), "value", status.label(),
                        "selected", status.label().equals(filter.status()) ? "selected" : null);
            }
        }
        body.close("select").close("label")
                .open("label").text("Id contains ")
                .empty("input", "type", "search", "name", "q", "value", filter.idPart(), "autocomplete", "off")
                .close("label")
                .element("button", "Filter", "type", "submit")
                .close("form");
    }

    /** What the list shows: a status (blank for any) and a part of the id (blank for any). */
    record Filter(String status, String idPart) {

        static Filter of(ConsoleRequest request) {
            return new Filter(request.queryValue("status").trim(), request.queryValue("q").trim());
        }

        List<ScriptState> apply(List<ScriptState> states) {
            String part = idPart.toLowerCase(Locale.ROOT);
            return states.stream()
                    .filter(s -> status.isEmpty() || s.status().label().equals(status))
                    .filter(s -> part.isEmpty() || s.id().toLowerCase(Locale.ROOT).contains(part))
                    .toList();
        }

        String query() {
            StringBuilder query = new StringBuilder();
            if (!status.isEmpty()) {
                query.append("?status=").append(QueryText.encode(status));
            }
            if (!idPart.isEmpty()) {
                query.append(query.length() == 0 ? '?' : '&').append("q=").append(QueryText.encode(idPart));
            }
            return query.toString();
        }
    }
}
