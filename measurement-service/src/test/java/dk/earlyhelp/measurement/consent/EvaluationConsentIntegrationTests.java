package dk.earlyhelp.measurement.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
import dk.earlyhelp.measurement.outcome.OutcomeProjection;
import dk.earlyhelp.measurement.response.Response;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * CONSENT.md rules 5 and 9 on the real broker and store: answers collected under a consent count
 * only while it permits EVALUATION_STATISTICS; when it is withdrawn they leave every figure, are
 * erased, and the erasure is confirmed once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationConsentIntegrationTests {

    static final String PARTNERSHIP = "SAMTALEGRUPPER-0175";
    static final String IMPORT = TestTokens.issue("import-consent", Map.of("roles", List.of("MEASUREMENT_IMPORT"),
            "org_type", "PLATFORM", "org", "PLATFORM", "partnerships", List.of(PARTNERSHIP)));
    static final String ADMIN = TestTokens.issue("admin", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM",
            "org", "PLATFORM"));
    static EventProbe measurementEvents;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void listen() {
        measurementEvents = EventProbe.on("measurement.events");
    }

    @AfterAll
    static void stopListening() {
        measurementEvents.close();
    }

    @Test
    void answersCountOnlyUnderAnEvaluationConsentAndLeaveEveryFigureWhenItIsWithdrawn(@Autowired Catalogue catalogue,
            @Autowired OutcomeProjection projection) throws Exception {
        TestCatalogue.published(catalogue);
        mongo.dropCollection("responses");
        projection.rebuild();
        String alma = UUID.randomUUID().toString();
        String bo = UUID.randomUUID().toString();
        String noStatistics = UUID.randomUUID().toString();
        String almaConsent = UUID.randomUUID().toString();
        granted(almaConsent, alma, "\"OUTCOME_MEASUREMENT\", \"EVALUATION_STATISTICS\"");
        granted(UUID.randomUUID().toString(), bo, "\"OUTCOME_MEASUREMENT\", \"EVALUATION_STATISTICS\"");
        granted(UUID.randomUUID().toString(), noStatistics, "\"OUTCOME_MEASUREMENT\"");
        StringBuilder lines = new StringBuilder();
        lines.append(enrolment("E-A", alma)).append(enrolment("E-B", bo)).append(enrolment("E-N", noStatistics));
        for (int i = 1; i <= 3; i++) {
            lines.append(enrolment("E-H" + i, null)); // imported history, vouched for by its source
        }
        assertThat(send("/api/measurements/imports", IMPORT, lines.toString()).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> beforeCount() == 5);

        String withdrawal = UUID.randomUUID().toString();
        ended(withdrawal, almaConsent, alma, true);
        ConsumerRecord<byte[], byte[]> confirmed = measurementEvents.await(record -> key(record).equals(alma)
                && Erasure.CONFIRMED.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("measurement-service", Erasure.CONFIRMED, EventProbe.value(confirmed));
        assertThat(Contracts.parse(EventProbe.value(confirmed)).get("itemsErased").asInt()).isEqualTo(2);
        assertThat(beforeCount()).as("the withdrawn child's answers are in no figure").isEqualTo(4);
        assertThat(mongo.count(Query.query(Criteria.where("childId").is(alma)), Response.class)).isZero();

        ended(withdrawal, almaConsent, alma, true);
        ended(UUID.randomUUID().toString(), UUID.randomUUID().toString(), bo, false);
        String later = UUID.randomUUID().toString();
        ended(later, UUID.randomUUID().toString(), UUID.randomUUID().toString(), true);
        measurementEvents.await(record -> Erasure.CONFIRMED.equals(EventProbe.header(record, CloudEventHeaders.TYPE))
                && EventProbe.value(record).contains("\"itemsErased\":0"));
        assertThat(measurementEvents.seen(record -> key(record).equals(alma))).as("one confirmation per event")
                .hasSize(1);
        assertThat(beforeCount()).as("a refused draft changes nothing").isEqualTo(4);
    }

    private int beforeCount() throws Exception {
        JsonNode report = Contracts.parse(new Api(port).get("/api/outcomes?intervention=SAMTALEGRUPPER",
                ADMIN).body());
        for (JsonNode dimension : report.get("dimensions")) {
            if (dimension.get("dimension").asText().equals("RELATIONAL")) {
                return dimension.at("/occasions/BEFORE/n").asInt();
            }
        }
        throw new AssertionError("No RELATIONAL figures in " + report);
    }

    private static String enrolment(String ref, String childId) {
        String child = childId == null ? "" : ", \"childId\": \"" + childId + "\"";
        String line = "{\"enrolmentRef\": \"%s\", \"childRef\": \"C-%s\", \"intervention\": \"SAMTALEGRUPPER\", "
                + "\"municipality\": \"0175\", \"occasion\": \"%s\", \"answeredAt\": \"2026-0%d-10\", "
                + "\"answers\": {\"REL_1\": 3, \"REL_2\": 2, \"REL_3\": 3, \"REL_4\": 2, \"REL_5\": 3}%s}\n";
        return line.formatted(ref, ref, "BEFORE", 1, child) + line.formatted(ref, ref, "AFTER", 4, child);
    }

    private static void granted(String consentId, String childId, String purposes) {
        String data = """
                {"consentId": "%s", "childId": "%s", "municipalityCode": "0175", "grantees": ["URK_AAR"],
                 "purposes": [%s], "categories": ["WELLBEING_SCORES"], "validUntil": "2099-12-31",
                 "occurredAt": "2026-01-02T10:00:00Z"}""".formatted(consentId, childId, purposes);
        Contracts.assertMatchesSchema("consent-service", "consent.granted.v1", data);
        EventProbe.publishEvent("consent.events", "consent.granted.v1", UUID.randomUUID().toString(), childId, data);
    }

    private static void ended(String eventId, String consentId, String childId, boolean wasActive) {
        String data = """
                {"consentId": "%s", "childId": "%s", "municipalityCode": "0175", "grantees": ["URK_AAR"],
                 "purposes": ["EVALUATION_STATISTICS"], "categories": ["WELLBEING_SCORES"], "validUntil": "2099-12-31",
                 "wasActive": %s, "refused": %s, "occurredAt": "2026-06-01T10:00:00Z"}"""
                .formatted(consentId, childId, wasActive, !wasActive);
        Contracts.assertMatchesSchema("consent-service", "consent.withdrawn.v1", data);
        EventProbe.publishEvent("consent.events", "consent.withdrawn.v1", eventId, childId, data);
    }

    private HttpResponse<String> send(String path, String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
