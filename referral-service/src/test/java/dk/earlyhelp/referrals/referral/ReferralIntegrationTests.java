package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.consent.TestConsents;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/** Through real HTTP, the real store and the real broker: a referral is stored and its event published. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralIntegrationTests {

    static final String TEACHER_AARHUS = TestTokens.municipalStaff("teacher-aarhus", "0751");
    static final String CASEWORKER_COPENHAGEN = TestTokens.municipalStaff("caseworker-cph", "0101");

    static EventProbe referralEvents;

    @LocalServerPort
    int port;

    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void catalogue() {
        TestCatalogue.publish(new Api(port));
    }

    @BeforeAll
    static void listen() {
        referralEvents = EventProbe.on("referral.events");
    }

    @AfterAll
    static void stopListening() {
        referralEvents.close();
    }

    @Test
    void storesSubmittedReferralAndPublishesItsEventOnce() throws Exception {
        HttpResponse<String> created = post(TEACHER_AARHUS, validReferral());

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode referral = Contracts.parse(created.body());
        String id = referral.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/referrals/" + id);
        assertThat(referral.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(referral.get("consentState").asText()).isEqualTo("AWAITING");

        TestConsents.grant(new Api(port), TEACHER_AARHUS, referral, "URK_AAR", "CONCERNS");
        ConsumerRecord<byte[], byte[]> event = referralEvents.await(
                record -> new String(record.key(), StandardCharsets.UTF_8).equals(id)
                        && !ReferralAwaitingConsent.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        assertThat(EventProbe.header(event, CloudEventHeaders.TYPE)).isEqualTo("referral.submitted.v1");
        assertThat(EventProbe.header(event, CloudEventHeaders.SOURCE)).isEqualTo("/referral-service");
        assertThat(EventProbe.header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(EventProbe.header(event, CloudEventHeaders.ID)).isNotBlank();
        assertThat(EventProbe.header(event, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(EventProbe.header(event, CloudEventHeaders.SUBJECT)).isEqualTo(id);

        String data = EventProbe.value(event);
        Contracts.assertMatchesSchema("referral-service", "referral.submitted.v1", data);
        assertThat(fieldNames(Contracts.parse(data)))
                .isEqualTo(fieldNames(Contracts.parse(Contracts.example("referral-service", "referral.submitted.v1"))));
        assertThat(data).doesNotContain("Alma", "Jensen", "skilsmisse");
        JsonNode eventData = Contracts.parse(data);
        assertThat(eventData.get("childId").asText()).isEqualTo(referral.at("/child/id").asText());
        assertThat(eventData.get("municipalityCode").asText()).isEqualTo("0751");
    }

    @Test
    void eventContinuesTheTraceOfTheRequestThatCausedIt() throws Exception {
        JsonNode referral = Contracts.parse(post(TEACHER_AARHUS, validReferral()).body());
        String id = referral.get("id").asText();
        TestConsents.grant(new Api(port), TEACHER_AARHUS, referral, "URK_AAR", "CONCERNS");

        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + String.format("%04x", (int) (Math.random() * 65535));
        HttpResponse<String> withdrawn = http.send(HttpRequest.newBuilder(uri("/api/referrals/" + id + "/withdraw"))
                .header("Authorization", "Bearer " + TEACHER_AARHUS)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"Familien er flyttet\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withdrawn.statusCode()).isEqualTo(200);

        ConsumerRecord<byte[], byte[]> event = referralEvents.await(
                record -> new String(record.key(), StandardCharsets.UTF_8).equals(id)
                        && "referral.withdrawn.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE)));

        assertThat(EventProbe.header(event, "traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void contractExampleMatchesItsOwnSchema() {
        Contracts.assertMatchesSchema("referral-service", "referral.submitted.v1",
                Contracts.example("referral-service", "referral.submitted.v1"));
    }

    @Test
    void rejectsSubmissionWithoutChildViewNamingTheField() throws Exception {
        HttpResponse<String> response = post(TEACHER_AARHUS, validReferral().replaceAll(
                ",\\s*\"childView\"\\s*:\\s*\\{[^}]*\\}", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Contracts.parse(response.body()).at("/errors/0/field").asText()).isEqualTo("childView");
    }

    @Test
    void rejectsUnknownFields() throws Exception {
        HttpResponse<String> response = post(TEACHER_AARHUS, validReferral().replace("{\n  \"child\"",
                "{\n  \"status\": \"COMPLETED\", \"child\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anotherMunicipalitysReferralAnswersLikeAMissingOne() throws Exception {
        String id = Contracts.parse(post(TEACHER_AARHUS, validReferral()).body()).get("id").asText();

        HttpResponse<String> ownMunicipality = get(TEACHER_AARHUS, "/api/referrals/" + id);
        HttpResponse<String> otherMunicipality = get(CASEWORKER_COPENHAGEN, "/api/referrals/" + id);

        assertThat(ownMunicipality.statusCode()).isEqualTo(200);
        assertThat(otherMunicipality.statusCode()).isEqualTo(404);
        assertThat(otherMunicipality.body()).doesNotContain("Alma");
    }

    @Test
    void answers401WithoutTokenAnd403ForAnotherRole() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/referrals")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> coordinator = post(TestTokens.ngoCoordinator("coordinator", "URK_AAR"), validReferral());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(coordinator.statusCode()).isEqualTo(403);
        assertThat(coordinator.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** The same child each time: these tests are not about duplicates, so each confirms it. */
    static String validReferral() {
        return """
                {
                  "child": {"firstName": "Alma", "lastName": "Jensen", "birthDate": "2015-03-14",
                            "gender": "GIRL", "school": "Skjoldhøjskolen", "postcode": "8210"},
                  "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                  "interventionCode": "POWERKIDS",
                  "concerns": ["PARENTAL_DIVORCE"],
                  "urgency": "NORMAL",
                  "childView": {"whatIsHard": "Det er svært med skilsmissen", "wishes": "At tale med andre børn"},
                  "confirmDuplicate": true
                }""";
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/referrals"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
