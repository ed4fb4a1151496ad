package dev.scripttracker.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scripttracker.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a {@link Console} with the JDK's own HTTP server ({@code jdk.httpserver}): nothing to add to
 * the one jar, and the console needs no more than plain GET and POST. Refuses to listen on a
 * non-loopback address unless the console has credentials.
 */
public final class ConsoleServer implements AutoCloseable {

    /** Larger forms are refused: the run form holds a few parameters. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Console console;

    private ConsoleServer(HttpServer server, ExecutorService threads, Console console) {
        this.server = server;
        this.threads = threads;
        this.console = console;
    }

    /**
     * Starts serving {@code console} on {@code host:port} ({@code port} 0 picks a free port).
     *
     * @throws ConfigurationException when the address is not a loopback one and the console has no
     *     credentials, or when the address cannot be listened on
     */
    public static ConsoleServer start(Console console, String host, int port) {
        InetAddress address = checkedAddress(host, console.settings().credentials());
        boolean open = !console.settings().credentials().required();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 50);
        } catch (IOException e) {
            throw new ConfigurationException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + "; choose another --port, or stop what uses it");
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "script-tracker-console-http-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> answer(console, exchange, open));
        server.start();
        return new ConsoleServer(server, threads, console);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort()
                + console.settings().basePath() + "/";
    }

    private static void answer(Console console, HttpExchange exchange, boolean open) throws IOException {
        try (exchange) {
            ConsoleResponse response = respond(console, exchange, open);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            boolean empty = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private static ConsoleResponse respond(Console console, HttpExchange exchange, boolean open) throws IOException {
        // Without credentials the console trusts whoever reaches the loopback address; a page of another
        // site whose name was re-pointed at 127.0.0.1 (DNS rebinding) would reach it too, with its own Host.
        if (open && !LOOPBACK_NAMES.contains(hostName(exchange.getRequestHeaders().getFirst("Host")))) {
            return ConsoleResponse.withType(403, "text/plain; charset=utf-8", ("this console answers requests to"
                    + " localhost or 127.0.0.1 only").getBytes(StandardCharsets.UTF_8), Map.of());
        }
        URI uri = exchange.getRequestURI();
        String base = console.settings().basePath();
        String path = uri.getPath() == null ? "/" : uri.getPath();
        if (!path.startsWith(base + "/") && !path.equals(base)) {
            return ConsoleResponse.withType(404, "text/plain; charset=utf-8", new byte[0], Map.of());
        }
        Map<String, List<String>> form = Map.of();
        if (exchange.getRequestMethod().equals("POST")) {
            byte[] body = readBounded(exchange.getRequestBody());
            if (body == null) {
                return ConsoleResponse.withType(413, "text/plain; charset=utf-8", ("a form larger than "
                        + MAX_BODY_BYTES + " bytes is refused").getBytes(StandardCharsets.UTF_8), Map.of());
            }
            form = QueryText.parse(new String(body, StandardCharsets.UTF_8));
        }
        String below = path.substring(base.length());
        ConsoleRequest request = new ConsoleRequest(exchange.getRequestMethod(), below.isEmpty() ? "/" : below,
                QueryText.first(QueryText.parse(uri.getRawQuery())), form, exchange.getRequestHeaders()::getFirst);
        return console.handle(request);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon > hostHeader.lastIndexOf(']') ? hostHeader.substring(0, colon) : hostHeader;
    }

    /**
     * The address to listen on, when it is safe with these credentials: a console without credentials
     * listens on a loopback address only.
     *
     * @throws ConfigurationException naming the fix otherwise
     */
    public static InetAddress checkedAddress(String host, Credentials credentials) {
        InetAddress address = address(host);
        if (!credentials.required() && !address.isLoopbackAddress()) {
            throw new ConfigurationException("refusing to serve the console on " + host + " without credentials:"
                    + " anyone who reaches that address could run and cancel scripts. Set a password"
                    + " (--console-password or SCRIPT_TRACKER_CONSOLE_PASSWORD) or a token (--console-token or"
                    + " SCRIPT_TRACKER_CONSOLE_TOKEN), or serve on 127.0.0.1");
        }
        return address;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("cannot serve the console on " + host + ": no such host; give an address"
                    + " such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, needs credentials)");
        }
    }

    /** Stops listening at once and stops the console's runs; the tracker stays open. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        console.close();
    }
}
