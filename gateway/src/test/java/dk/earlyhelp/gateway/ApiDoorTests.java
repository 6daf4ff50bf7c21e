package dk.earlyhelp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

import dk.earlyhelp.platform.test.Contracts;

/**
 * Attacks on the API door over real HTTP: forged and stale tokens, spoofed identity headers,
 * oversized bodies, and services that are down or hang. What reaches the service behind a route
 * is read off the {@link Downstream} peer there.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiDoorTests extends RunningGateway {

    static Stream<Arguments> forgedTokens() throws Exception {
        String valid = token("laerer.aarhus", "MUNICIPAL_STAFF");
        String[] parts = valid.split("\\.");
        JWTClaimsSet claims = Tokens.claims(BASE, "laerer.aarhus", "MUNICIPAL_STAFF").build();
        Instant now = Instant.now();
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new JWTClaimsSet.Builder(claims).claim("roles", java.util.List.of("ADMIN")).build().toString()
                        .getBytes(StandardCharsets.UTF_8));
        RSAKey stranger = Tokens.generate();
        return Stream.of(
                Arguments.of("alg none", base64("{\"alg\":\"none\"}") + "." + parts[1] + "."),
                Arguments.of("HS256 with the public key as secret", Tokens.sign(
                        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(Tokens.KEY.getKeyID()).build(), claims,
                        new MACSigner(Tokens.KEY.toRSAPublicKey().getEncoded()))),
                Arguments.of("stripped signature", parts[0] + "." + parts[1] + "."),
                Arguments.of("altered claims", parts[0] + "." + admin + "." + parts[2]),
                Arguments.of("expired", Tokens.sign(new JWTClaimsSet.Builder(claims)
                        .issueTime(Date.from(now.minusSeconds(900))).notBeforeTime(Date.from(now.minusSeconds(900)))
                        .expirationTime(Date.from(now.minusSeconds(600))).build())),
                Arguments.of("not yet valid", Tokens.sign(new JWTClaimsSet.Builder(claims)
                        .notBeforeTime(Date.from(now.plusSeconds(600))).expirationTime(Date.from(now.plusSeconds(900)))
                        .build())),
                Arguments.of("wrong issuer", Tokens.sign(new JWTClaimsSet.Builder(claims)
                        .issuer("https://identity.example.org").build())),
                Arguments.of("issued for another audience", Tokens.sign(new JWTClaimsSet.Builder(claims)
                        .audience("https://another-api.example.org").build())),
                Arguments.of("no audience", Tokens.sign(new JWTClaimsSet.Builder(claims).audience((String) null)
                        .build())),
                Arguments.of("unknown key id", Tokens.sign(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString()).build(), claims,
                        Tokens.signer(stranger))),
                Arguments.of("known key id, other key", Tokens.sign(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(Tokens.KEY.getKeyID()).build(), claims,
                        Tokens.signer(stranger))),
                Arguments.of("not a JWT", "bm90IGEgdG9rZW4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void forgedOrStaleTokensAnswer401ProblemDetailsAndNeverReachTheService(String attack, String token,
            CapturedOutput log) throws Exception {
        String path = "/api/referrals/attack-" + UUID.randomUUID();

        HttpResponse<String> response = get(path, token);

        assertThat(response.statusCode()).as(attack).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Bearer"));
        assertThat(Contracts.parse(response.body()).get("status").asInt()).isEqualTo(401);
        assertThat(SERVICE.receivedAt(path)).isEmpty();
        assertThat(log.getOut()).as("the refusal is logged").contains("Refused a token for GET " + path);
    }

    @Test
    void aValidTokenReachesTheServiceWithTheCallersTokenAndTrace() throws Exception {
        String token = token("laerer.aarhus", "MUNICIPAL_STAFF");
        String traceId = UUID.randomUUID().toString().replace("-", "");

        HttpResponse<String> response = get("/api/referrals/valid", token,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(response.statusCode()).isEqualTo(200);
        Downstream.Received received = SERVICE.receivedAt("/api/referrals/valid").get(0);
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.header("traceparent")).as("the caller's trace goes on").contains(traceId);
    }

    @Test
    void identityAndForwardingHeadersFromTheClientNeverReachTheService() throws Exception {
        HttpResponse<String> response = get("/api/referrals/spoof", token("laerer.aarhus", "MUNICIPAL_STAFF"),
                "X-User-Id", "admin", "X-Forwarded-User", "admin", "X-Roles", "ADMIN", "X-Organisation", "0101",
                "X-Forwarded-For", "10.0.0.1", "X-Forwarded-Host", "evil.example.org", "X-Forwarded-Proto", "https",
                "X-Forwarded-Prefix", "/evil", "X-Forwarded-Port", "443", "Forwarded", "for=10.0.0.1;host=evil.example.org",
                "Cookie", "JSESSIONID=stolen", "X-Request-Purpose", "kept");

        assertThat(response.statusCode()).isEqualTo(200);
        Downstream.Received received = SERVICE.receivedAt("/api/referrals/spoof").get(0);
        assertThat(received.headers().keySet()).noneSatisfy(name -> assertThat(name.toLowerCase())
                .matches("x-user-id|x-roles|x-organisation|x-forwarded-.*|forwarded|cookie"));
        assertThat(received.header("X-Request-Purpose")).as("other headers pass").isEqualTo("kept");
    }

    @Test
    void aDeclared10MbBodyIsRefusedWith413BeforeItIsSent() throws Exception {
        try (Socket socket = new Socket("localhost", PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/referrals/huge HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token("laerer.aarhus", "MUNICIPAL_STAFF") + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 10 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readHead(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: application/problem+json");
        }
        assertThat(SERVICE.receivedAt("/api/referrals/huge")).isEmpty();
    }

    @Test
    void a10MbBodyNeverReachesTheService() throws Exception {
        try {
            HttpResponse<String> response = post("/api/referrals/huge-sent",
                    HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024]));

            assertProblem(response, 413, "payload-too-large");
        } catch (java.io.IOException closedWhileSending) {
            // Tomcat reads at most 2 MB of a refused body, then closes: the client may see that before the 413.
        }
        assertThat(SERVICE.receivedAt("/api/referrals/huge-sent")).isEmpty();
    }

    @Test
    void aChunkedBodyIsCappedAtTheLimit() throws Exception {
        HttpResponse<String> tooLarge = post("/api/referrals/chunked-huge",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[1_500_000])));
        HttpResponse<String> fits = post("/api/referrals/chunked-small",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[20_000])));

        assertProblem(tooLarge, 413, "payload-too-large");
        assertThat(SERVICE.receivedAt("/api/referrals/chunked-huge")).isEmpty();
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(SERVICE.receivedAt("/api/referrals/chunked-small")).singleElement()
                .extracting(Downstream.Received::bodyLength).isEqualTo(20_000);
    }

    @Test
    void aFileOfHistoricalAnswersMayBeLargerButNotUnlimited() throws Exception {
        HttpResponse<String> file = post("/api/measurements/imports",
                HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]));
        HttpResponse<String> elsewhere = post("/api/measurements/other",
                HttpRequest.BodyPublishers.ofByteArray(new byte[1_500_000]));

        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        assertThat(file.body()).as("the whole file reached measurement-service").contains("\"receivedBytes\":2097152");
        assertProblem(elsewhere, 413, "payload-too-large");
        try (Socket socket = new Socket("localhost", PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/measurements/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token("demo-import", "MEASUREMENT_IMPORT") + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Content-Length: " + 100 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void formPostsHaveTheSameLimitDeclaredOrChunked() throws Exception {
        String form = "username=" + "a".repeat(2 * 1024 * 1024);
        HttpResponse<String> declared = http.send(HttpRequest.newBuilder(URI.create(BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        form.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(declared, 413, "payload-too-large");
        assertProblem(chunked, 413, "payload-too-large");
    }

    @Test
    void aChunkedFormThatFitsIsReadAsAForm() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);

        HttpResponse<String> home = browser.submitChunked(browser.get("/"), "/login", "username", "laerer.aarhus",
                "password", "demo");

        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).contains("Velkommen, Mette Holm");
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemDetailsNamingIt() throws Exception {
        HttpResponse<String> response = get("/api/ngo/inbox", token("koordinator.powerkids", "NGO_COORDINATOR"));

        JsonNode problem = assertProblem(response, 503, "service-unavailable");
        assertThat(problem.get("service").asText()).isEqualTo("ngo-service");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(get("/api-docs/ngo", null).statusCode()).as("its API description too").isEqualTo(503);
    }

    @Test
    void aServiceThatHangsAnswers503AfterTheRouteTimeout() throws Exception {
        Instant start = Instant.now();
        try {
            HttpResponse<String> response = get("/api/consents/slow", token("laerer.aarhus", "MUNICIPAL_STAFF"));

            JsonNode problem = assertProblem(response, 503, "service-unavailable");
            assertThat(problem.get("service").asText()).isEqualTo("consent-service");
            assertThat(Duration.between(start, Instant.now())).as("the route's 1 s, not the portal's 5 s")
                    .isLessThan(Duration.ofSeconds(4));
        } finally {
            SERVICE.releaseSlowRequests();
        }
    }

    @Test
    void theFallbackIsNoEndpointOfItsOwn() throws Exception {
        assertThat(get("/api/unavailable/ngo-service", token("laerer.aarhus", "MUNICIPAL_STAFF")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void portalPagesStayFriendlyWhenTheServiceIsDown() throws Exception {
        BrowserSession browser = new BrowserSession(BASE);
        browser.logIn("koordinator.powerkids", "demo");

        HttpResponse<String> inbox = browser.get("/indbakke");

        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Oplysningerne kan ikke hentes lige nu");
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token("laerer.aarhus", "MUNICIPAL_STAFF"))
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Contracts.parse(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://earlyhelp.dk/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "at dk.", "at org.");
        return problem;
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        int next;
        while ((next = in.read()) != -1) {
            head.append((char) next);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
