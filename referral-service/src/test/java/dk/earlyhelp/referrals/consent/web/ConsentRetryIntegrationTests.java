package dk.earlyhelp.referrals.consent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * The consent decision is asked again when the consent service fails in a way that may pass (a
 * 5xx answer), and not when it refuses (4xx). A real consent service cannot be made to fail once
 * on purpose in a module test, so a stand-in answers the decision endpoint in the consent
 * service's shape ({@code permitted}, {@code permittedCategories}, {@code consentId}); the real
 * service's answers are tested in the running system ({@code FaultToleranceIT}, {@code ThinSliceIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentRetryIntegrationTests {

    static final String TEACHER = TestTokens.municipalStaff("teacher-retry", "0751");
    static final HttpServer CONSENT_SERVICE = standIn();
    static final List<String> ANSWERS = new ArrayList<>();
    static final AtomicInteger ASKED = new AtomicInteger();

    @LocalServerPort
    int port;

    Api api;

    @DynamicPropertySource
    static void consentService(DynamicPropertyRegistry properties) {
        properties.add("earlyhelp.services.consent-url",
                () -> "http://127.0.0.1:" + CONSENT_SERVICE.getAddress().getPort());
    }

    @BeforeEach
    void api() {
        api = new Api(port);
        TestCatalogue.publish(api);
        ASKED.set(0);
    }

    @AfterAll
    static void stop() {
        CONSENT_SERVICE.stop(0);
    }

    @Test
    void aFailureThatMayPassIsAskedAgainAndTheReferralGoesOn() throws Exception {
        answer("503", "200");

        JsonNode submitted = Api.body(api.post("/api/referrals", TEACHER, referral()), 201);

        assertThat(submitted.get("consentState").asText()).isEqualTo("GIVEN");
        assertThat(ASKED.get()).as("503, then yes; then the progress purpose").isEqualTo(3);
    }

    @Test
    void aRefusalIsAnAnswerAndIsNotRepeated() throws Exception {
        answer("403");

        JsonNode submitted = Api.body(api.post("/api/referrals", TEACHER, referral()), 201);

        assertThat(submitted.get("consentState").asText()).as("no yes: held").isEqualTo("AWAITING");
        assertThat(ASKED.get()).isEqualTo(1);
    }

    @Test
    void aServiceThatKeepsFailingIsAskedThreeTimesThenTheAnswerIsNo() throws Exception {
        answer("500", "500", "500");

        JsonNode submitted = Api.body(api.post("/api/referrals", TEACHER, referral()), 201);

        assertThat(submitted.get("consentState").asText()).isEqualTo("AWAITING");
        assertThat(ASKED.get()).isEqualTo(3);
    }

    /** The stand-in's next answers, by status; after them it answers yes. */
    private static void answer(String... statuses) {
        synchronized (ANSWERS) {
            ANSWERS.clear();
            ANSWERS.addAll(List.of(statuses));
        }
    }

    private static HttpServer standIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/consents/decision", ConsentRetryIntegrationTests::decide);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void decide(HttpExchange exchange) throws IOException {
        ASKED.incrementAndGet();
        String status;
        synchronized (ANSWERS) {
            status = ANSWERS.isEmpty() ? "200" : ANSWERS.remove(0);
        }
        byte[] body = ("200".equals(status)
                ? "{\"permitted\": true, \"permittedCategories\": [\"CONCERNS\"], \"consentId\": \"" + UUID.randomUUID() + "\"}"
                : "{\"title\": \"failed\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(status), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String referral() {
        return """
                {"child": {"firstName": "Alma", "lastName": "Retry", "birthDate": "2015-03-14", "gender": "GIRL"},
                 "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"], "confirmDuplicate": true,
                 "childView": {"whatIsHard": "Skilsmissen", "wishes": "At tale med andre"}}""";
    }
}
