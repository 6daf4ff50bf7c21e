package dk.earlyhelp.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the NGO service over real HTTP, in the shapes of its API: the coordinator's
 * partnerships, inbox (one child registered, one with a mentor proposed to the family), capacity view, a person and
 * (empty) catalogue as fixed JSON, and a {@code POST} under {@code /api/ngo/inbox} (registering a child, the family's
 * answer) answering whatever the test told it to, recording the bodies that reached it.
 */
final class NgoService {

    /** The coordinator's NGO (URK_AAR) recruits with Aarhus; not with Horsens; the other NGO's offer is not theirs. */
    static final String PARTNERSHIPS = """
            [{"id": "POWERKIDS-0751", "interventionCode": "POWERKIDS", "interventionName": "PowerKids",
              "ngoCode": "URK_AAR", "ngoName": "Røde Kors Ungdom", "municipalityCode": "0751",
              "model": "B3_PARTNERSHIP_FULL", "ngoRecruits": true},
             {"id": "POWERKIDS-0615", "interventionCode": "POWERKIDS", "interventionName": "PowerKids",
              "ngoCode": "URK_AAR", "ngoName": "Røde Kors Ungdom", "municipalityCode": "0615",
              "model": "A_FUNCTIONAL_SPLIT", "ngoRecruits": false},
             {"id": "EMPOWR-0240", "interventionCode": "EMPOWR", "interventionName": "EmpowR",
              "ngoCode": "GIRLTALK", "ngoName": "GirlTalk", "municipalityCode": "0240",
              "model": "B3_PARTNERSHIP_FULL", "ngoRecruits": true}]""";
    static final String INBOX = """
            [{"referralId": "7c1e0b7e-0000-4000-8000-000000000001", "interventionCode": "POWERKIDS",
              "municipalityCode": "0751", "childId": "c1", "childAge": 11, "childGender": "GIRL",
              "concerns": ["PARENTAL_DIVORCE"], "urgency": "NORMAL", "source": "PARENT_CONTACT",
              "status": "RECEIVED", "receivedAt": "2026-11-20T09:30:00Z"},
             {"referralId": "7c1e0b7e-0000-4000-8000-000000000003", "interventionCode": "POWERKIDS",
              "municipalityCode": "0751", "childId": "c3", "childAge": 12, "childGender": "BOY",
              "concerns": ["LONELINESS"], "urgency": "NORMAL", "source": "PARENT_CONTACT", "status": "PROPOSED",
              "receivedAt": "2026-11-18T09:30:00Z", "match": {"volunteerId": "demo-powerkids-v02",
              "matchedAt": "2026-11-25T10:00:00Z", "matchedBy": "koordinator.powerkids", "matchedFrom": "ACCEPTED"}}]""";
    static final String CAPACITY = """
            [{"interventionCode": "POWERKIDS", "kind": "MENTORING", "places": 4, "occupied": 4, "waiting": 3,
              "freePlaces": 0, "people": {"active": 4, "idle": 0, "paused": 0, "onboarding": 1},
              "recruitment": [{"need": "MENTORS", "missing": 3, "ageMin": 10, "ageMax": 13,
                "municipalityCode": "0751", "languages": ["ar"], "certificateNeeded": true},
                {"need": "MENTORS", "missing": 1, "ageMin": 15, "ageMax": 15, "municipalityCode": "0751",
                "languages": ["so", "ar"], "certificateNeeded": false}]}]""";

    private final HttpServer server;
    private final List<String> registrations = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private volatile String answer = "{}";

    private NgoService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ngo-service");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/ngo/partnerships", exchange -> send(exchange, 200, PARTNERSHIPS));
        server.createContext("/api/ngo/capacity", exchange -> send(exchange, 200, CAPACITY));
        server.createContext("/api/ngo/interventions", exchange -> send(exchange, 200, "[]"));
        server.createContext("/api/ngo/volunteers/", exchange -> send(exchange, 200,
                "{\"id\": \"demo-powerkids-v02\", \"displayName\": \"Frivillig 2 (Powerkids)\"}"));
        server.createContext("/api/ngo/inbox", exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                registrations.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                send(exchange, status, answer);
            } else {
                send(exchange, 200, INBOX);
            }
        });
        server.start();
    }

    static NgoService start() {
        return new NgoService();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on a registration is answered with this status and body (a problem for a 4xx). */
    void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    /** The bodies of the registrations that reached the service, oldest first. */
    List<String> registrations() {
        return List.copyOf(registrations);
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
