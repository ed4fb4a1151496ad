package dev.scripttracker.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One HTTP request as the console sees it, whatever server received it.
 *
 * @param method {@code GET} or {@code POST} (others are refused)
 * @param path the path below the console's base path, starting with {@code /}
 * @param query the decoded query parameters, first value of each
 * @param form the decoded {@code application/x-www-form-urlencoded} body of a POST
 * @param header the value of a request header by name (case-insensitive), or null
 * @param containerPrincipal the user the hosting server authenticated (Spring Security's, through the
 *     servlet API), used with {@link Credentials#container()}; null when there is none
 */
public record ConsoleRequest(String method, String path, Map<String, String> query, Map<String, List<String>> form,
        Function<String, String> header, String containerPrincipal) {

    /** A request to a console that checks credentials itself. */
    public ConsoleRequest(String method, String path, Map<String, String> query, Map<String, List<String>> form,
            Function<String, String> header) {
        this(method, path, query, form, header, null);
    }

    public ConsoleRequest {
        query = Map.copyOf(query);
        form = Map.copyOf(form);
    }

    String queryValue(String name) {
        return query.getOrDefault(name, "");
    }

    Optional<String> formValue(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    boolean isPost() {
        return "POST".equals(method);
    }
}
