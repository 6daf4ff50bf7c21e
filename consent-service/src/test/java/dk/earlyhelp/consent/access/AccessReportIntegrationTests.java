package dk.earlyhelp.consent.access;

import static dk.earlyhelp.consent.ConsentFixtures.AARHUS_ADMIN;
import static dk.earlyhelp.consent.ConsentFixtures.CASEWORKER;
import static dk.earlyhelp.consent.ConsentFixtures.POWERKIDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.consent.ConsentFixtures;
import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * The access report (CONSENT.md rule 11) on the real broker and store: the audit events of other
 * services (as their contract's example says) and this service's own, published through its outbox,
 * become one line each, for the child's municipality and the platform's administrator only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessReportIntegrationTests {

    static final String TYPE = "audit.data-accessed.v1";
    static final String PLATFORM_ADMIN = TestTokens.issue("admin", Map.of("roles", List.of("ADMIN"),
            "org_type", "PLATFORM", "org", "PLATFORM"));
    static EventProbe auditEvents;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeAll
    static void listen() {
        auditEvents = EventProbe.on("audit.events");
    }

    @AfterAll
    static void close() {
        auditEvents.close();
    }

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void theReportListsEveryServicesReadsOnceWithOrganisationRoleCategoriesAndPurpose() throws Exception {
        String ngoCode = "NGO_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        publishIntervention(ngoCode, "Foreningen Fremad");
        String child = UUID.randomUUID().toString();
        LocalDate today = Consent.dayOf(Instant.now());
        String consentId = ConsentFixtures.active(api, child, today, today.plusMonths(3));
        // The NGO's read in referral-service, as the platform's contract example has it, delivered twice.
        String read = Contracts.example("platform", TYPE).replace("9b7e2c1a-6c1d-4e8f-8a3b-0c2d4e6f8a10", child)
                .replace("URK_AAR", ngoCode);
        Contracts.assertMatchesSchema("platform", TYPE, read);
        String eventId = UUID.randomUUID().toString();
        EventProbe.publishEvent("audit.events", TYPE, eventId, child, read);
        EventProbe.publishEvent("audit.events", TYPE, eventId, child, read);
        // And this service's own read: the FHIR export by the caseworker.
        assertThat(api.get("/api/consents/" + consentId + "/fhir", CASEWORKER).statusCode()).isEqualTo(200);

        ConsumerRecord<byte[], byte[]> own = auditEvents.await(record -> child.equals(key(record))
                && "/consent-service".equals(EventProbe.header(record, "ce_source"))
                && EventProbe.value(record).contains("consent-fhir"));
        assertThat(EventProbe.header(own, "ce_type")).isEqualTo(TYPE);
        Contracts.assertMatchesSchema("platform", TYPE, EventProbe.value(own));
        assertThat(EventProbe.value(own)).as("no user id on the topic").doesNotContain("caseworker-aarhus");

        JsonNode report = await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(
                api.get("/api/consents/access-report?childId=" + child, AARHUS_ADMIN), 200),
                body -> body.toString().contains(ngoCode) && body.toString().contains("consent-fhir"));
        assertThat(report.get("childId").asText()).isEqualTo(child);
        JsonNode ngoRead = lineOf(report, ngoCode);
        assertThat(ngoRead.get("organisationName").asText()).isEqualTo("Foreningen Fremad");
        assertThat(ngoRead.get("role").asText()).isEqualTo("NGO_COORDINATOR");
        assertThat(ngoRead.get("categories")).extracting(JsonNode::asText)
                .containsExactly("CHILD_VIEW", "CONCERNS", "CONTACT");
        assertThat(ngoRead.get("purpose").asText()).isEqualTo("REFERRAL_AND_DELIVERY");
        assertThat(ngoRead.get("service").asText()).isEqualTo("referral-service");
        assertThat(ngoRead.get("denied").asBoolean()).isFalse();
        assertThat(report.get("lines")).filteredOn(line -> line.get("organisation").asText().equals(ngoCode))
                .as("a redelivered event adds nothing").hasSize(1);
        JsonNode staffRead = lineOf(report, "0751");
        assertThat(staffRead.get("role").asText()).as("the professional's role, not the person")
                .isEqualTo("TEACHER");
        assertThat(staffRead.get("resourceType").asText()).isEqualTo("consent-fhir");
        assertThat(report.toString()).doesNotContain("caseworker-aarhus", "dpo-aarhus");
        assertThat(audit.about(child)).filteredOn(record -> record.resourceType().equals("access-report"))
                .extracting(AuditRecord::action, AuditRecord::actor).containsExactly(tuple("READ", "dpo-aarhus"));
        assertThat(api.get("/api/consents/access-report?childId=" + child, PLATFORM_ADMIN).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anotherMunicipalityGetsNotFoundAndIsAuditedAnNgoIsForbiddenAndAChildIdIsRequired() throws Exception {
        String child = UUID.randomUUID().toString();
        LocalDate today = Consent.dayOf(Instant.now());
        ConsentFixtures.active(api, child, today, today.plusMonths(3));

        HttpResponse<String> other = api.get("/api/consents/access-report?childId=" + child,
                TestTokens.municipalStaff("caseworker-cph", "0101"));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(audit.about(child)).filteredOn(record -> record.resourceType().equals("access-report"))
                .extracting(AuditRecord::action, AuditRecord::organisation).containsExactly(tuple("DENIED", "0101"));
        assertThat(api.get("/api/consents/access-report?childId=" + child, POWERKIDS).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/consents/access-report?childId=" + child, null).statusCode()).isEqualTo(401);
        HttpResponse<String> noChild = api.get("/api/consents/access-report", AARHUS_ADMIN);
        assertThat(noChild.statusCode()).isEqualTo(400);
        assertThat(noChild.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonNode lineOf(JsonNode report, String organisation) {
        for (JsonNode line : report.get("lines")) {
            if (line.get("organisation").asText().equals(organisation)) {
                return line;
            }
        }
        throw new AssertionError("no line of " + organisation + " in " + report);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void publishIntervention(String ngoCode, String ngoName) {
        String code = "OFFER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String data = Contracts.example("ngo-service", "ngo.intervention-published.v1")
                .replace("\"POWERKIDS\"", "\"" + code + "\"").replace("\"URK_AAR\"", "\"" + ngoCode + "\"")
                .replace("\"Ungdommens Røde Kors Aarhus\"", "\"" + ngoName + "\"");
        EventProbe.publishEvent("ngo.events", "ngo.intervention-published.v1", UUID.randomUUID().toString(), code, data);
    }
}
