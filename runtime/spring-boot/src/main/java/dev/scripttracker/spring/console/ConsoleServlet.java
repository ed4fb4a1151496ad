package dev.scripttracker.spring.console;

import dev.scripttracker.console.Console;
import dev.scripttracker.console.ConsoleRequest;
import dev.scripttracker.console.ConsoleResponse;
import dev.scripttracker.console.QueryText;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Hands the servlet container's requests under the console's path to the {@link Console}. */
final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<Console> console;

    /**
     * @param console looked up at the first request: the servlet is registered while the web server
     *     starts, before Flyway or Liquibase migrate, and the console's tracker must not be created before them
     */
    ConsoleServlet(Supplier<Console> console) {
        this.console = console;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        // The container parses a form body (a filter such as Spring Security's may have read it already).
        Map<String, List<String>> form = "POST".equals(request.getMethod()) ? parameters(request) : Map.of();
        Principal user = request.getUserPrincipal();
        ConsoleResponse answer = console.get().handle(new ConsoleRequest(request.getMethod(), path,
                QueryText.first(QueryText.parse(request.getQueryString())), form, request::getHeader,
                user == null ? null : user.getName()));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.body().length > 0) {
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, List.of(values)));
        return form;
    }
}
