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
 * Stands in for the measurement service's {@code GET /api/outcomes} and {@code GET /api/operations}
 * over real HTTP: each answers a report in the service's shape from a test resource, echoing under
 * {@code filters} the parameters it was told it understands (as the service echoes what it applied),
 * a 400 problem for a filter value it refuses, or a 503 as a service in trouble. Each records the
 * query strings that reached it. It also answers {@code GET /api/measurements/reminders} and the
 * audit search {@code GET /api/measurements/audit} with fixed lists.
 */
final class OutcomesService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Endpoint outcomes = new Endpoint("outcomes/report.json");
    private final Endpoint operations = new Endpoint("operations/report.json");
    private final List<String> reminderQueries = new CopyOnWriteArrayList<>();
    private final List<String> auditQueries = new CopyOnWriteArrayList<>();

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
        server.createContext("/api/outcomes", outcomes::handle);
        server.createContext("/api/operations", operations::handle);
        // Reads a file of answers whole and says how many bytes came, as the import reads it before checking.
        server.createContext("/api/measurements/imports", exchange -> {
            try (exchange) {
                send(exchange, 200, "application/json",
                        "{\"receivedBytes\":" + exchange.getRequestBody().readAllBytes().length + "}");
            }
        });
        // The caller's open reminders (the service decides whose), in its Reminder shape.
        server.createContext("/api/measurements/reminders", exchange -> {
            try (exchange; InputStream in = OutcomesService.class.getClassLoader().getResourceAsStream("reminders/open.json")) {
                reminderQueries.add(exchange.getRequestHeaders().getFirst("Authorization") == null ? "anonymous" : "token");
                send(exchange, 200, "application/json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        // The administrators' audit search: a fixed answer in the service's shape; the queries are kept.
        server.createContext("/api/measurements/audit", exchange -> {
            try (exchange; InputStream in = OutcomesService.class.getClassLoader()
                    .getResourceAsStream("audit/records.json")) {
                auditQueries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
                send(exchange, 200, "application/json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    /** The query strings of the audit searches since the start. */
    List<String> auditQueries() {
        return List.copyOf(auditQueries);
    }

    /** Who asked for reminders since the start: "token" per call with a bearer token. */
    List<String> reminderQueries() {
        return List.copyOf(reminderQueries);
    }

    static OutcomesService start() {
        return new OutcomesService();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on {@code /api/outcomes} answers this report, echoing the given filters as applied. */
    void answer(String resource, String... understoodFilters) {
        outcomes.answer(resource, understoodFilters);
    }

    /** From now on {@code /api/outcomes} answers 400 naming this filter. */
    void refuse(String filter) {
        outcomes.refuse(filter);
    }

    /** The query strings {@code /api/outcomes} received since the last {@link #answer} or {@link #refuse}. */
    List<String> queries() {
        return outcomes.queries();
    }

    /** The operations figures' endpoint, {@code GET /api/operations}. */
    Endpoint operations() {
        return operations;
    }

    static final class Endpoint {

        private final List<String> queries = new CopyOnWriteArrayList<>();
        private volatile String report;
        private volatile Set<String> understood = Set.of();
        private volatile String refusedFilter;
        private volatile boolean failing;

        private Endpoint(String report) {
            this.report = report;
        }

        /** From now on answers this report, echoing the given filters as applied; no filter is refused. */
        void answer(String resource, String... understoodFilters) {
            report = resource;
            understood = Set.of(understoodFilters);
            refusedFilter = null;
            failing = false;
            queries.clear();
        }

        /** From now on answers 400 naming this filter, as the service does for a value it cannot use. */
        void refuse(String filter) {
            refusedFilter = filter;
            failing = false;
            queries.clear();
        }

        /** From now on answers 503, as a service that is up but cannot answer. */
        void fail() {
            failing = true;
            queries.clear();
        }

        /** The query strings received since the last change of answer, raw ("" for none). */
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
                if (failing) {
                    send(exchange, 503, "application/problem+json",
                            "{\"status\":503,\"title\":\"Service Unavailable\"}");
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
