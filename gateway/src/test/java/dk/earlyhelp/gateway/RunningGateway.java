package dk.earlyhelp.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a real port with its embedded authorization server, shared by the test classes
 * that extend this one (one Spring context). The referral and consent routes lead to a
 * {@link Downstream} peer, the outcomes API to an {@link OutcomesService}; the NGO service is down
 * (a closed port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class RunningGateway {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final Downstream SERVICE = Downstream.start();
    static final OutcomesService OUTCOMES = OutcomesService.start();
    static final String CLOSED = "http://127.0.0.1:" + freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("earlyhelp.identity.demo-identities", () -> "true");
        registry.add("earlyhelp.identity.signing-key-file", () -> Tokens.file().toString());
        registry.add("earlyhelp.services.referral-url", SERVICE::url);
        registry.add("earlyhelp.services.consent-url", SERVICE::url);
        registry.add("earlyhelp.services.ngo-url", () -> CLOSED);
        registry.add("earlyhelp.services.measurement-url", OUTCOMES::url);
        registry.add("earlyhelp.gateway.route-timeout", () -> "1s");
        // As in production behind TLS; the run mode on http://localhost leaves it off.
        registry.add("earlyhelp.gateway.strict-transport-security", () -> "P365D");
    }

    final HttpClient http = HttpClient.newHttpClient();

    /** A valid access token from the gateway's own key, as its authorization server would issue it. */
    static String token(String subject, String... roles) {
        return Tokens.valid(BASE, subject, roles);
    }

    HttpResponse<String> get(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
