package dev.scripttracker.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain HTTP client for the console's tests, which follows no redirect. */
final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([0-9a-f]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String authorization;

    private Http(String authorization) {
        this.authorization = authorization;
    }

    static Http anonymous() {
        return new Http(null);
    }

    static Http basic(String user, String password) {
        return new Http("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static Http bearer(String token) {
        return new Http("Bearer " + token);
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return client.send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Runs a script as the pages do: the run form (with {@code form} and the script page's token),
     * then the confirmation page's form. Returns the first answer that is not the confirmation page.
     */
    HttpResponse<String> run(String consoleUrl, String id, String form) throws IOException, InterruptedException {
        String token = csrfOf(get(consoleUrl + "scripts/" + id).body());
        HttpResponse<String> asked = post(consoleUrl + "scripts/" + id + "/run", form + "&csrf=" + token);
        if (asked.statusCode() != 200) {
            return asked;
        }
        return post(consoleUrl + "scripts/" + id + "/run", confirmationOf(asked.body()));
    }

    /** The form body that confirms what a confirmation page asks. */
    static String confirmationOf(String page) {
        Matcher pending = PENDING.matcher(page);
        if (!pending.find()) {
            throw new AssertionError("no pending run on the page:\n" + page);
        }
        return "confirm=yes&csrf=" + csrfOf(page) + "&pending=" + pending.group(1);
    }

    /** The CSRF token of the first action form on the page. */
    static String csrfOf(String page) {
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the page:\n" + page);
        }
        return token.group(1);
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}
