package dk.earlyhelp.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the measurement service's {@code GET /api/outcomes} over real HTTP: answers a
 * report in the shape of METRICS.md §3 from a test resource, echoing under {@code filters} the
 * parameters it was told it understands (as the service echoes what it applied), or a 400 problem
 * for a filter value it refuses. Records the query strings that reached it.
 */
final class OutcomesService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile String report = "outcomes/report.json";
    private volatile Set<String> understood = Set.of();
    private volatile String refusedFilter;

    private OutcomesService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "outcomes-service");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/outcomes", this::handle);
        server.start();
    }

    static OutcomesService start() {
        return new OutcomesService();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on answers this report, echoing the given filters as applied; no filter is refused. */
    void answer(String resource, String... understoodFilters) {
        report = resource;
        understood = Set.of(understoodFilters);
        refusedFilter = null;
        queries.clear();
    }

    /** From now on answers 400 naming this filter, as the service does for a value it cannot use. */
    void refuse(String filter) {
        refusedFilter = filter;
        queries.clear();
    }

    /** The query strings received since the last {@link #answer} or {@link #refuse}, raw ("" for none). */
    List<String> queries() {
        return List.copyOf(queries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query == null ? "" : query);
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                send(exchange, 401, "application/problem+json", "{\"status\":401,\"title\":\"Unauthorized\"}");
                return;
            }
            if (refusedFilter != null) {
                send(exchange, 400, "application/problem+json", JSON.writeValueAsString(Map.of(
                        "type", "https://earlyhelp.dk/problems/validation", "title", "Invalid request", "status", 400,
                        "detail", "The request has invalid fields.",
                        "errors", List.of(Map.of("field", refusedFilter, "message", "is not a value you may filter by")))));
                return;
            }
            ObjectNode body;
            try (InputStream in = OutcomesService.class.getClassLoader().getResourceAsStream(report)) {
                body = (ObjectNode) JSON.readTree(in);
            }
            Map<String, String> applied = new LinkedHashMap<>();
            parameters(query).forEach((name, value) -> {
                if (understood.contains(name)) {
                    applied.put(name, value);
                }
            });
            body.set("filters", JSON.valueToTree(applied));
            send(exchange, 200, "application/json", JSON.writeValueAsString(body));
        }
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
