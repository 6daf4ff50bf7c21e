package dk.earlyhelp.consent.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.consent.ConsentFixtures;
import dk.earlyhelp.consent.registration.RegisteredChildren;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Children an NGO registered itself, without a municipal referral (issue 4, models B1/B3), on the real
 * broker and store: the consent service learns of them from {@code ngo.referral-received.v1}; only the
 * registering NGO's coordinator records their parents' consent, naming the municipality as controller
 * and itself as the only grantee, under the same rules as every consent; and the municipality knows of
 * the child only while such a consent lets the NGO tell it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisteredChildConsentIntegrationTests {

    static final String RECEIVED = "ngo.referral-received.v1";
    /** SIND's Cykelhjelm with Aarhus: model B3, the NGO recruits too. */
    static final String CYKELHJELM = TestTokens.ngoCoordinator("coordinator-cykelhjelm", "SIND_PR");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final String AARHUS = TestTokens.municipalStaff("caseworker-aarhus", "0751");
    static final String COPENHAGEN = TestTokens.municipalStaff("caseworker-kbh", "0101");

    static EventProbe consentEvents;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    RegisteredChildren registered;

    Api api;

    @BeforeAll
    static void listen() {
        consentEvents = EventProbe.on("consent.events");
    }

    @AfterAll
    static void stopListening() {
        consentEvents.close();
    }

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void theRegisteringCoordinatorRecordsTheParentsConsentUnderTheMunicipalityAndTheMunicipalityThenKnowsTheChild()
            throws Exception {
        String child = registeredBySind("PARENT_CONTACT");
        assertThat(known(AARHUS, child)).as("nothing individual before a consent").isFalse();

        JsonNode draft = Api.body(record(CYKELHJELM, child, "[\"SIND_PR\"]",
                "[\"PROGRESS_TO_REFERRER\", \"OUTCOME_MEASUREMENT\", \"EVALUATION_STATISTICS\"]", 2, false), 201);
        String consentId = draft.get("id").asText();
        assertThat(draft.get("registeredBy").asText()).isEqualTo("SIND_PR");
        assertThat(draft.get("interventionCode").asText()).as("the registration's").isEqualTo("CYKELHJELM");
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");

        // Rule 2: every custody holder; the first leaves it a draft that tells the municipality nothing.
        grant(CYKELHJELM, consentId);
        assertThat(known(AARHUS, child)).isFalse();
        JsonNode active = Api.body(grant(CYKELHJELM, consentId), 200);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");

        ConsumerRecord<byte[], byte[]> granted = consentEvents.await(record -> is(record, child, "consent.granted.v1"));
        Contracts.assertMatchesSchema("consent-service", "consent.granted.v1", EventProbe.value(granted));
        JsonNode data = Contracts.parse(EventProbe.value(granted));
        assertThat(data.get("municipalityCode").asText()).as("the controller").isEqualTo("0751");
        assertThat(data.get("grantees")).extracting(JsonNode::asText).containsExactly("SIND_PR");
        assertThat(data.get("purposes")).extracting(JsonNode::asText).contains("OUTCOME_MEASUREMENT",
                "EVALUATION_STATISTICS");

        JsonNode list = Api.body(api.get("/api/consents/registered-children", AARHUS), 200);
        JsonNode shown = entry(list, child);
        assertThat(shown.get("ngoCode").asText()).isEqualTo("SIND_PR");
        assertThat(shown.get("source").asText()).isEqualTo("PARENT_CONTACT");
        assertThat(shown.get("consentId").asText()).isEqualTo(consentId);
        assertThat(audit.about(child)).extracting(AuditRecord::actor, AuditRecord::action, AuditRecord::resourceType)
                .contains(tuple("caseworker-aarhus", "READ", "registered-child"),
                        tuple("coordinator-cykelhjelm", "CREATE", "consent"));
        assertThat(known(COPENHAGEN, child)).as("another municipality's staff").isFalse();

        // The coordinator reads and lists their own; withdrawal ends what the municipality knows at once.
        assertThat(Api.body(api.get("/api/consents/" + consentId, CYKELHJELM), 200).get("id").asText())
                .isEqualTo(consentId);
        assertThat(Api.body(api.get("/api/consents?childId=" + child, CYKELHJELM), 200)).hasSize(1);
        Api.body(api.post("/api/consents/" + consentId + "/withdraw", CYKELHJELM, ""), 200);
        assertThat(known(AARHUS, child)).isFalse();
        assertThat(api.get("/api/consents/access-report?childId=" + child, AARHUS).statusCode())
                .as("nor does the municipality read who saw the child").isEqualTo(404);
    }

    @Test
    void parentsWhoConsentToMeasurementOnlyKeepTheChildFromTheMunicipality() throws Exception {
        String child = registeredBySind("NGO_OUTREACH");
        String consentId = Api.body(record(CYKELHJELM, child, "[\"SIND_PR\"]",
                "[\"PROGRESS_TO_REFERRER\", \"OUTCOME_MEASUREMENT\", \"EVALUATION_STATISTICS\"]", 1, false), 201)
                .get("id").asText();

        JsonNode active = Api.body(api.post("/api/consents/" + consentId + "/grantors", CYKELHJELM, """
                {"role": "CUSTODY_HOLDER", "method": "VERBAL_RECORDED",
                 "purposes": ["OUTCOME_MEASUREMENT", "EVALUATION_STATISTICS"]}"""), 200);

        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("effectivePurposes")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("OUTCOME_MEASUREMENT", "EVALUATION_STATISTICS");
        assertThat(known(AARHUS, child)).isFalse();
    }

    @Test
    void fromFifteenTheYoungPersonsOwnConsentIsNeededToo() throws Exception {
        String child = registeredBySind("PARENT_CONTACT");
        String consentId = Api.body(record(CYKELHJELM, child, "[\"SIND_PR\"]", "[\"PROGRESS_TO_REFERRER\"]", 1, true),
                201).get("id").asText();

        assertThat(Api.body(grant(CYKELHJELM, consentId), 200).get("status").asText()).isEqualTo("DRAFT");
        assertThat(Api.body(api.post("/api/consents/" + consentId + "/grantors", CYKELHJELM,
                "{\"role\": \"YOUNG_PERSON\", \"method\": \"VERBAL_RECORDED\"}"), 200).get("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(known(AARHUS, child)).isTrue();
    }

    @Test
    void onlyTheRegisteringNgoRecordsItsOwnConsentForItsOwnChild() throws Exception {
        String child = registeredBySind("PARENT_CONTACT");
        String all = "[\"PROGRESS_TO_REFERRER\"]";

        // Another NGO: like a missing child, audited.
        assertThat(Api.body(record(POWERKIDS, child, "[\"URK_AAR\"]", all, 1, false), 404).toString())
                .doesNotContain("SIND_PR");
        assertThat(audit.about(child)).extracting(AuditRecord::actor, AuditRecord::action)
                .contains(tuple("coordinator-powerkids", "DENIED"));
        // A child no NGO registered (a municipal referral's, or none): missing.
        Api.body(record(CYKELHJELM, UUID.randomUUID().toString(), "[\"SIND_PR\"]", all, 1, false), 404);
        String referred = UUID.randomUUID().toString();
        publishReceived(referred, "MUNICIPAL_REFERRAL");
        String marker = registeredBySind("PARENT_CONTACT");
        assertThat(registered.ofChild(marker)).isPresent();
        Api.body(record(CYKELHJELM, referred, "[\"SIND_PR\"]", all, 1, false), 404);

        // Specific to the NGO's own use: only itself as grantee, no purpose the NGO needs no consent for.
        assertThat(Api.body(record(CYKELHJELM, child, "[\"SIND_PR\", \"URK_AAR\"]", all, 1, false), 400)
                .get("errors").findValuesAsText("field")).containsExactly("grantees");
        assertThat(Api.body(record(CYKELHJELM, child, "[\"SIND_PR\"]", "[\"REFERRAL_AND_DELIVERY\"]", 1, false),
                400).get("errors").findValuesAsText("field")).containsExactly("purposes");
        // Rule 4 as for every consent.
        assertThat(Api.body(record(CYKELHJELM, child, "[\"SIND_PR\"]", "[]", 1, false), 400).get("type").asText())
                .endsWith("/consent-not-specific");

        String consentId = Api.body(record(CYKELHJELM, child, "[\"SIND_PR\"]", all, 1, false), 201).get("id").asText();
        // Its consent is the registering NGO's: another NGO and the municipality's staff find nothing.
        Api.body(api.get("/api/consents/" + consentId, POWERKIDS), 404);
        Api.body(grant(POWERKIDS, consentId), 404);
        Api.body(api.get("/api/consents/" + consentId, AARHUS), 404);
        assertThat(Api.body(api.get("/api/consents?childId=" + child, AARHUS), 200)).isEmpty();
        assertThat(audit.about(child)).filteredOn(record -> record.action().equals("DENIED"))
                .extracting(AuditRecord::actor).contains("coordinator-powerkids", "caseworker-aarhus");
        // And a coordinator never reaches a consent the municipality recorded.
        String municipal = ConsentFixtures.draft(api, UUID.randomUUID().toString(),
                LocalDate.now(), LocalDate.now().plusMonths(6), 1);
        Api.body(api.get("/api/consents/" + municipal, CYKELHJELM), 404);
        // The municipality's list is for its staff only.
        assertThat(api.get("/api/consents/registered-children", CYKELHJELM).statusCode()).isEqualTo(403);
    }

    /** SIND registers a child for Cykelhjelm in Aarhus; returns the child's pseudonym once this service knows it. */
    private String registeredBySind(String source) {
        String child = UUID.randomUUID().toString();
        publishReceived(child, source);
        await().atMost(Duration.ofSeconds(30)).until(() -> registered.ofChild(child).isPresent());
        return child;
    }

    /** ngo-service's own example of the event, for this child. */
    private static void publishReceived(String child, String source) {
        String referralId = UUID.randomUUID().toString();
        ObjectNode received = (ObjectNode) Contracts.parse(Contracts.example("ngo-service", RECEIVED));
        received.put("referralId", referralId).put("childId", child).put("ngoCode", "SIND_PR")
                .put("interventionCode", "CYKELHJELM").put("municipalityCode", "0751").put("source", source);
        Contracts.assertMatchesSchema("ngo-service", RECEIVED, received.toString());
        EventProbe.publishEvent("ngo.events", RECEIVED, UUID.randomUUID().toString(), referralId, received.toString());
    }

    private HttpResponse<String> record(String token, String child, String grantees, String purposes,
            int custodyHolders, boolean youngPerson) throws Exception {
        return api.post("/api/consents", token, """
                {"childId": "%s", "grantees": %s, "purposes": %s, "categories": ["CONTACT", "WELLBEING_SCORES"],
                 "validFrom": "%s", "validUntil": "%s", "custodyHoldersRequired": %d,
                 "youngPersonRequired": %s, "textVersion": "da-2026-1"}
                """.formatted(child, grantees, purposes, LocalDate.now(), LocalDate.now().plusMonths(6),
                custodyHolders, youngPerson));
    }

    private HttpResponse<String> grant(String token, String consentId) throws Exception {
        return api.post("/api/consents/" + consentId + "/grantors", token,
                "{\"role\": \"CUSTODY_HOLDER\", \"method\": \"SIGNED_PAPER\"}");
    }

    private boolean known(String staff, String child) throws Exception {
        JsonNode list = Api.body(api.get("/api/consents/registered-children", staff), 200);
        for (JsonNode item : list) {
            if (item.get("childId").asText().equals(child)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode entry(JsonNode list, String child) {
        for (JsonNode item : list) {
            if (item.get("childId").asText().equals(child)) {
                return item;
            }
        }
        throw new AssertionError("Not listed: " + child);
    }

    private static boolean is(ConsumerRecord<byte[], byte[]> record, String child, String type) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(child)
                && type.equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }
}
