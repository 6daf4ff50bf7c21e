package dk.earlyhelp.consent.erasure;

import static dk.earlyhelp.consent.ConsentFixtures.CASEWORKER;
import static dk.earlyhelp.consent.ConsentFixtures.POWERKIDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.consent.ConsentFixtures;
import dk.earlyhelp.consent.MovableClock;
import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Erasure confirmations on the real store and broker (CONSENT.md rule 5): ngo-service's
 * {@code ngo.erasure-confirmed.v1} is recorded on the consent once, and a confirmation still
 * missing 24 hours after a withdrawal is listed as overdue, counted by the gauge and logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class ErasureIntegrationTests {

    static final String ADMIN = TestTokens.issue("admin", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM",
            "org", "PLATFORM"));
    static final String AARHUS_ADMIN = TestTokens.issue("admin-aarhus", Map.of("roles", List.of("ADMIN"),
            "org_type", "MUNICIPALITY", "org", "0751"));
    static final String COPENHAGEN_ADMIN = TestTokens.issue("admin-cph", Map.of("roles", List.of("ADMIN"),
            "org_type", "MUNICIPALITY", "org", "0101"));
    static final String NGO_ADMIN = TestTokens.issue("admin-powerkids", Map.of("roles", List.of("ADMIN"),
            "org_type", "NGO", "org", "URK_AAR"));
    static final String CONFIRMED = "ngo.erasure-confirmed.v1";

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ErasureConfirmations erasures;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static final String MEASUREMENT_CONFIRMED = "measurement.erasure-confirmed.v1";

    @Test
    void aWithdrawalConfirmedByEveryReceiverShowsEachConfirmationOnceAndNothingMissing() throws Exception {
        String child = UUID.randomUUID().toString();
        String id = withdrawnWhileActive(child);
        String other = withdrawnWhileActive(child);
        assertThat(ConsentFixtures.get(api, id).get("missingConfirmations")).extracting(JsonNode::asText)
                .containsExactly("ngo-service", "measurement-service");
        String eventId = UUID.randomUUID().toString();

        EventProbe.publishEvent("ngo.events", CONFIRMED, eventId, child, confirmation(id, child, 4));

        JsonNode confirmed = await().atMost(Duration.ofSeconds(30)).until(() -> ConsentFixtures.get(api, id),
                consent -> consent.get("missingConfirmations").size() == 1);
        assertThat(confirmed.get("missingConfirmations")).extracting(JsonNode::asText)
                .containsExactly("measurement-service");
        assertThat(confirmed.get("confirmations")).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.get("service").asText()).isEqualTo("ngo-service");
            assertThat(confirmation.get("itemsErased").asInt()).isEqualTo(4);
            assertThat(confirmation.get("at").asText()).isNotBlank();
        });
        EventProbe.publishEvent("measurement.events", MEASUREMENT_CONFIRMED, UUID.randomUUID().toString(), child,
                measurementConfirmation(id, child, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsentFixtures.get(api, id),
                consent -> consent.get("missingConfirmations").isEmpty());

        // Redelivered, then another consent's confirmations behind it on the same key (so the same partition).
        EventProbe.publishEvent("ngo.events", CONFIRMED, eventId, child, confirmation(id, child, 4));
        EventProbe.publishEvent("ngo.events", CONFIRMED, UUID.randomUUID().toString(), child, example(other, child));
        EventProbe.publishEvent("measurement.events", MEASUREMENT_CONFIRMED, UUID.randomUUID().toString(), child,
                measurementConfirmation(other, child, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsentFixtures.get(api, other),
                consent -> consent.get("missingConfirmations").isEmpty());
        assertThat(ConsentFixtures.get(api, id).get("confirmations")).as("recorded once").hasSize(2);

        JsonNode complete = erasure(api.get("/api/consents/erasures?missing=false", ADMIN), id);
        assertThat(complete.get("missing")).isEmpty();
        assertThat(complete.get("overdue").asBoolean()).isFalse();
        assertThat(complete.get("expected")).extracting(JsonNode::asText)
                .containsExactly("ngo-service", "measurement-service");
        assertThat(complete.get("confirmations")).hasSize(2);
        assertThat(ids(Api.body(api.get("/api/consents/erasures?missing=true", ADMIN), 200))).doesNotContain(id);
        assertThat(audit.about(child)).filteredOn(record -> record.actor().equals("service:ngo-service"))
                .extracting(AuditRecord::resourceId).containsExactlyInAnyOrder(id, other);
    }

    @Test
    void aConfirmationMissing24HoursAfterTheWithdrawalIsOverdueCountedAndLoggedOnce(CapturedOutput output)
            throws Exception {
        String child = UUID.randomUUID().toString();
        String id = withdrawnWhileActive(child);
        assertThat(erasure(api.get("/api/consents/erasures?missing=true", ADMIN), id).get("overdue").asBoolean())
                .as("not yet").isFalse();

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        erasures.checkDeadlines();
        erasures.checkDeadlines();

        JsonNode late = erasure(api.get("/api/consents/erasures?missing=true", ADMIN), id);
        assertThat(late.get("childId").asText()).isEqualTo(child);
        assertThat(late.get("municipalityCode").asText()).isEqualTo("0751");
        assertThat(late.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(Instant.parse(late.get("endedAt").asText())).isBefore(clock.instant().minus(Duration.ofHours(24)));
        assertThat(late.get("expected")).extracting(JsonNode::asText)
                .containsExactly("ngo-service", "measurement-service");
        assertThat(late.get("confirmations")).isEmpty();
        assertThat(late.get("missing")).extracting(JsonNode::asText)
                .containsExactly("ngo-service", "measurement-service");
        assertThat(late.get("overdue").asBoolean()).isTrue();
        JsonNode all = Api.body(api.get("/api/consents/erasures", ADMIN), 200);
        long overdue = StreamSupport.stream(all.spliterator(), false).filter(e -> e.get("overdue").asBoolean()).count();
        assertThat(meters.get(ErasureConfirmations.MISSING_GAUGE).gauge().value()).isEqualTo(overdue).isPositive();
        assertThat(output.getOut().lines().filter(line -> line.contains("WARN") && line.contains(id)))
                .as("one alert, naming the consent and the missing service, not the child").singleElement()
                .satisfies(line -> assertThat(line).contains("ngo-service").doesNotContain(child));

        assertThat(ids(Api.body(api.get("/api/consents/erasures?missing=true", AARHUS_ADMIN), 200))).contains(id);
        assertThat(ids(Api.body(api.get("/api/consents/erasures", COPENHAGEN_ADMIN), 200))).doesNotContain(id);

        EventProbe.publishEvent("ngo.events", CONFIRMED, UUID.randomUUID().toString(), child,
                confirmation(id, child, 2));
        EventProbe.publishEvent("measurement.events", MEASUREMENT_CONFIRMED, UUID.randomUUID().toString(), child,
                measurementConfirmation(id, child, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> ConsentFixtures.get(api, id),
                consent -> consent.get("missingConfirmations").isEmpty());
        erasures.checkDeadlines();
        assertThat(meters.get(ErasureConfirmations.MISSING_GAUGE).gauge().value()).isEqualTo(overdue - 1);
    }

    @Test
    void aRefusedDraftExpectsNoConfirmationAndOnlyAnAdministratorSeesErasures() throws Exception {
        String child = UUID.randomUUID().toString();
        LocalDate today = Consent.dayOf(clock.instant());
        String refused = ConsentFixtures.draft(api, child, today, today.plusMonths(6), 2);
        Api.body(api.post("/api/consents/" + refused + "/refusals", CASEWORKER, "{\"role\": \"CUSTODY_HOLDER\"}"), 200);

        assertThat(ConsentFixtures.get(api, refused).get("missingConfirmations")).isEmpty();
        assertThat(ids(Api.body(api.get("/api/consents/erasures", ADMIN), 200))).doesNotContain(refused);
        assertThat(api.get("/api/consents/erasures", CASEWORKER).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/consents/erasures?missing=true", POWERKIDS).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/consents/erasures", NGO_ADMIN).statusCode()).as("an NGO's administrator")
                .isEqualTo(403);
        assertThat(api.get("/api/consents/erasures", null).statusCode()).isEqualTo(401);
    }

    private String withdrawnWhileActive(String child) throws Exception {
        LocalDate today = Consent.dayOf(clock.instant());
        String id = ConsentFixtures.active(api, child, today, today.plusMonths(6));
        Api.body(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, ""), 200);
        return id;
    }

    /** ngo-service's confirmation, checked against its contract when it has been written. */
    private String confirmation(String consentId, String child, int itemsErased) {
        String data = """
                {"consentId": "%s", "childId": "%s", "service": "ngo-service", "ngoCodes": ["URK_AAR"],
                 "itemsErased": %d, "occurredAt": "%s"}
                """.formatted(consentId, child, itemsErased, clock.instant());
        if (Files.exists(Contracts.folder("ngo-service").resolve(CONFIRMED + ".schema.json"))) {
            Contracts.assertMatchesSchema("ngo-service", CONFIRMED, data);
        }
        return data;
    }

    /** measurement-service's confirmation, checked against its contract. */
    private String measurementConfirmation(String consentId, String child, int itemsErased) {
        String data = """
                {"consentId": "%s", "childId": "%s", "service": "measurement-service", "itemsErased": %d,
                 "occurredAt": "%s"}
                """.formatted(consentId, child, itemsErased, clock.instant());
        Contracts.assertMatchesSchema("measurement-service", MEASUREMENT_CONFIRMED, data);
        return data;
    }

    /** ngo-service's own example, about this consent. */
    private static String example(String consentId, String child) {
        ObjectNode example = (ObjectNode) Contracts.parse(Contracts.example("ngo-service", CONFIRMED));
        return example.put("consentId", consentId).put("childId", child).toString();
    }

    private static JsonNode erasure(java.net.http.HttpResponse<String> response, String consentId) {
        return StreamSupport.stream(Api.body(response, 200).spliterator(), false)
                .filter(erasure -> erasure.get("consentId").asText().equals(consentId)).findFirst().orElseThrow();
    }

    private static List<String> ids(JsonNode erasures) {
        return StreamSupport.stream(erasures.spliterator(), false).map(erasure -> erasure.get("consentId").asText())
                .toList();
    }
}
