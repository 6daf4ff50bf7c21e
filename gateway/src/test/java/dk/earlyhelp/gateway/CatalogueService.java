package dk.earlyhelp.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the NGO service's catalogue over real HTTP, in the shapes of its API: two NGOs, two
 * municipalities, an offer and its partnership with a history of two versions as fixed JSON; a
 * change answers whatever the test told it to, and the bodies that reached it are recorded.
 */
final class CatalogueService {

    static final String NGOS = """
            [{"code": "URK_AAR", "name": "Ungdommens Røde Kors Aarhus", "staffing": "MOSTLY_VOLUNTEERS",
              "volunteerQualification": "APPROVED_NO_TRAINING", "focus": "Ingen uden for fællesskabet"},
             {"code": "SIND_PR", "name": "SIND Pårørenderådgivning", "staffing": "PAID_AND_VOLUNTEERS",
              "volunteerQualification": "TRAINED_BY_NGO"}]""";
    static final String MUNICIPALITIES = """
            [{"code": "0751", "name": "Aarhus Kommune"}, {"code": "0779", "name": "Skive Kommune"}]""";
    static final String INTERVENTIONS = """
            [{"code": "POWERKIDS", "name": "Powerkids", "ngoCode": "URK_AAR", "municipalities": ["0751"],
              "types": ["GROUP"], "model": "B2_PARTNERSHIP_DELIVERY", "staircaseStep": 1}]""";
    static final String PARTNERSHIP = """
            {"id": "POWERKIDS-0751", "interventionCode": "POWERKIDS", "interventionName": "Powerkids",
             "ngoCode": "URK_AAR", "ngoName": "Ungdommens Røde Kors Aarhus", "municipalityCode": "0751",
             "model": "B3_PARTNERSHIP_FULL", "ngoRecruits": true, "progressSharing": "PROGRESS_WITH_CONSENT",
             "version": 2, "since": "2026-11-20",
             "steeringGroup": [{"name": "Peter Dahl", "organisation": "Aarhus Kommune", "role": "Afdelingsleder"}]}""";
    static final String VERSIONS = """
            [{"number": 1, "validFrom": null, "model": "B2_PARTNERSHIP_DELIVERY",
              "progressSharing": "PROGRESS_WITH_CONSENT", "changedBy": "catalogue", "reason": null, "recordedAt": null},
             {"number": 2, "validFrom": "2026-11-20", "model": "B3_PARTNERSHIP_FULL",
              "progressSharing": "PROGRESS_WITH_CONSENT", "changedBy": "admin",
              "reason": "Styregruppen besluttede, at organisationen også opsøger børn",
              "recordedAt": "2026-11-20T09:30:00Z"}]""";
    static final String INTERVENTION = """
            {"code": "POWERKIDS", "name": "Powerkids", "ngoCode": "URK_AAR", "municipalities": ["0751"],
             "types": ["GROUP"], "targetGroup": {"ageMin": 9, "ageMax": 13, "concerns": ["PARENTAL_DIVORCE"]},
             "format": {"kind": "GROUP_COURSE", "sessions": 8, "sessionEveryDays": 7, "groupSizeMax": 8,
                        "note": "Otte ugentlige samtaler"},
             "deliveredBy": "BOTH", "measures": ["PSYCHOLOGICAL", "RELATIONAL"], "fidelityManual": true,
             "capacity": {"groupsPerTerm": 3, "volunteers": 6}}""";

    /** One request that reached the stand-in. */
    record Received(String method, String path, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();

    private CatalogueService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "catalogue-service");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/ngo/", this::handle);
        server.start();
    }

    static CatalogueService start() {
        return new CatalogueService();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on a change (POST or PUT) to the path is answered with this status and body. */
    void answer(String method, String path, int status, String body) {
        answers.put(method + " " + path, new String[] { String.valueOf(status), body });
    }

    /** The bodies of the changes that reached the path, oldest first. */
    List<String> bodies(String method, String path) {
        return received.stream().filter(request -> request.method().equals(method) && request.path().equals(path))
                .map(Received::body).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(method, path, body));
        String[] answer = answers.get(method + " " + path);
        if (answer != null) {
            send(exchange, Integer.parseInt(answer[0]), answer[1]);
            return;
        }
        switch (path) {
            case "/api/ngo/ngos" -> send(exchange, 200, NGOS);
            case "/api/ngo/municipalities" -> send(exchange, 200, MUNICIPALITIES);
            case "/api/ngo/interventions" -> send(exchange, 200, INTERVENTIONS);
            case "/api/ngo/interventions/POWERKIDS" -> send(exchange, 200, INTERVENTION);
            case "/api/ngo/partnerships" -> send(exchange, 200, "[" + PARTNERSHIP + "]");
            case "/api/ngo/partnerships/POWERKIDS-0751" -> send(exchange, 200, PARTNERSHIP);
            case "/api/ngo/partnerships/POWERKIDS-0751/versions" -> send(exchange, 200, VERSIONS);
            default -> send(exchange, 404, "{\"type\": \"https://earlyhelp.dk/problems/not-found\", \"status\": 404}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
