package dk.earlyhelp.ngo.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.ngo.Referrals.Arrived;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * CONSENT.md rule 5 on the NGO side, on the real broker and store: the consent service's own
 * example events, for children that arrived through the referral service's example, make their
 * referrals anonymous at the NGOs the consent named, and each event is confirmed once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class ErasureIntegrationTests {

    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final String GIRLTALK = TestTokens.ngoCoordinator("coordinator-empowr", "GIRLTALK");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    static final String WITHDRAWN = "consent.withdrawn.v1";
    static final String EXPIRED = "consent.expired.v1";
    static EventProbe ngoEvents;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Api api;

    @BeforeAll
    static void listen() {
        ngoEvents = EventProbe.on("ngo.events");
    }

    @AfterAll
    static void stopListening() {
        ngoEvents.close();
    }

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void aWithdrawnConsentMakesTheChildsReferralAnonymousAndIsConfirmedOnce() throws Exception {
        Arrived child = Referrals.arrive(api, POWERKIDS, "POWERKIDS", 11, "HIGH");
        Referrals.decide(api, POWERKIDS, child.referralId(), """
                {"decision": "WAITLISTED", "expectedStart": "%s",
                 "explanation": "Barnets far er indlagt; barnet sover dårligt"}""".formatted(TODAY.plusDays(40)));
        String consentId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        String withdrawn = consentEnded(WITHDRAWN, consentId, child, List.of("URK_AAR"), true);
        publish(WITHDRAWN, eventId, withdrawn);

        String confirmation = EventProbe.value(ngoEvents.await(record -> confirms(record, consentId)));
        Contracts.assertMatchesSchema("ngo-service", "ngo.erasure-confirmed.v1", confirmation);
        JsonNode data = Contracts.parse(confirmation);
        assertThat(data.get("childId").asText()).isEqualTo(child.childId());
        assertThat(data.get("service").asText()).isEqualTo("ngo-service");
        assertThat(data.get("ngoCodes")).extracting(JsonNode::asText).containsExactly("URK_AAR");
        assertThat(data.get("itemsErased").asInt()).isEqualTo(1);
        assertThat(fieldNames(data)).containsExactlyInAnyOrderElementsOf(
                fieldNames(Contracts.parse(Contracts.example("ngo-service", "ngo.erasure-confirmed.v1"))));

        JsonNode item = inboxItem(POWERKIDS, child.referralId());
        assertThat(item.has("childAge")).isFalse();
        assertThat(item.has("childGender")).isFalse();
        assertThat(item.has("concerns")).isFalse();
        assertThat(Instant.parse(item.get("consentWithdrawnAt").asText()))
                .isEqualTo(Instant.parse(Contracts.parse(withdrawn).get("occurredAt").asText()));
        assertThat(item.get("status").asText()).isEqualTo("WAITLISTED");
        assertThat(item.get("interventionCode").asText()).isEqualTo("POWERKIDS");
        assertThat(item.at("/decision/expectedStart").asText()).isEqualTo(TODAY.plusDays(40).toString());
        assertThat(item.toString()).doesNotContain("PARENTAL_DIVORCE", "GIRL", "indlagt");
        Document stored = mongo.findById(child.referralId(), Document.class, "inbox");
        assertThat(stored).doesNotContainKeys("childAge", "childGender", "concerns");
        assertThat(stored.get("decision", Document.class)).doesNotContainKey("explanation");
        JsonNode waiting = entry(Api.body(api.get("/api/ngo/waiting-list?intervention=POWERKIDS", POWERKIDS), 200),
                child.referralId());
        assertThat(waiting.has("childAge")).isFalse();
        assertThat(waiting.get("reasonCode").asText()).isEqualTo("CONSENT_WITHDRAWN");

        publish(WITHDRAWN, eventId, withdrawn);
        String marker = UUID.randomUUID().toString();
        publish(WITHDRAWN, UUID.randomUUID().toString(), consentEnded(WITHDRAWN, marker, child, List.of("URK_AAR"), true));
        // Records of one key are processed in order: once the later one is confirmed, the repeat was handled.
        String second = EventProbe.value(ngoEvents.await(record -> confirms(record, marker)));

        assertThat(ngoEvents.seen(record -> confirms(record, consentId))).hasSize(1);
        assertThat(Contracts.parse(second).get("itemsErased").asInt()).as("nothing left to erase").isZero();
    }

    @Test
    void aReferralMadeAnonymousNeverTakesTheChildsDetailsBack() throws Exception {
        Arrived child = Referrals.arrive(api, POWERKIDS, "POWERKIDS", 8, "NORMAL");
        String consentId = UUID.randomUUID().toString();
        publish(WITHDRAWN, UUID.randomUUID().toString(),
                consentEnded(WITHDRAWN, consentId, child, List.of("URK_AAR"), true));
        ngoEvents.await(record -> confirms(record, consentId));

        ObjectNode submitted = (ObjectNode) Contracts.parse(Contracts.example("referral-service", "referral.submitted.v1"));
        submitted.put("referralId", child.referralId()).put("childId", child.childId());
        EventProbe.publishEvent("referral.events", "referral.submitted.v1", UUID.randomUUID().toString(),
                child.referralId(), submitted.toString());
        Referrals.withdraw(child.referralId());
        // Same key, so in order: once the withdrawal is in, the submission before it was handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(
                mongo.findById(child.referralId(), Document.class, "inbox").getString("status")));

        assertThat(mongo.findById(child.referralId(), Document.class, "inbox"))
                .doesNotContainKeys("childAge", "childGender", "concerns");
    }

    @Test
    void aWithdrawalNamingAnotherNgoLeavesTheReferralIntactAndIsStillConfirmed() throws Exception {
        Arrived child = Referrals.arrive(api, POWERKIDS, "POWERKIDS", 9, "NORMAL");
        String consentId = UUID.randomUUID().toString();

        publish(WITHDRAWN, UUID.randomUUID().toString(),
                consentEnded(WITHDRAWN, consentId, child, List.of("URK_KBH"), true));

        JsonNode data = Contracts.parse(EventProbe.value(ngoEvents.await(record -> confirms(record, consentId))));
        assertThat(data.get("itemsErased").asInt()).isZero();
        assertThat(data.get("ngoCodes")).isEmpty();
        JsonNode item = inboxItem(POWERKIDS, child.referralId());
        assertThat(item.get("childAge").asInt()).isEqualTo(9);
        assertThat(item.get("concerns")).isNotEmpty();
        assertThat(item.has("consentWithdrawnAt")).isFalse();
    }

    @Test
    void aRefusedDraftSharedNothingSoNothingIsErasedOrConfirmed() throws Exception {
        Arrived child = Referrals.arrive(api, POWERKIDS, "POWERKIDS", 10, "NORMAL");
        String draft = UUID.randomUUID().toString();

        publish(WITHDRAWN, UUID.randomUUID().toString(), consentEnded(WITHDRAWN, draft, child, List.of("URK_AAR"), false));
        String marker = UUID.randomUUID().toString();
        publish(WITHDRAWN, UUID.randomUUID().toString(), consentEnded(WITHDRAWN, marker, child, List.of("URK_KBH"), true));
        ngoEvents.await(record -> confirms(record, marker));

        assertThat(ngoEvents.seen(record -> confirms(record, draft))).isEmpty();
        assertThat(inboxItem(POWERKIDS, child.referralId()).get("childAge").asInt()).isEqualTo(10);
    }

    @Test
    void aSeatedChildsSeatKeepsOnlyTheReferral() throws Exception {
        String leader = Api.body(api.post("/api/ngo/volunteers", GIRLTALK, """
                {"displayName": "Gruppeleder", "kind": "VOLUNTEER", "qualification": "IN_RELEVANT_EDUCATION",
                 "capacity": 0, "interventionCodes": ["EMPOWR"], "status": "ACTIVE",
                 "childProtectionCertificate": {"checkedOn": "%s", "validUntil": "%s"}}"""
                .formatted(TODAY.minusDays(30), TODAY.plusYears(2))), 201).get("id").asText();
        String groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK, """
                {"interventionCode": "EMPOWR", "startDate": "%s", "sessions": 10, "sessionEveryDays": 14,
                 "ageMin": 13, "ageMax": 17, "sizeLimit": 4, "leaderIds": ["%s"]}"""
                .formatted(TODAY.plusDays(120), leader)), 201).get("id").asText();
        Arrived child = Referrals.arrive(api, GIRLTALK, "EMPOWR", 14, "NORMAL");
        Referrals.decide(api, GIRLTALK, child.referralId(), "{\"decision\": \"ACCEPTED\"}");
        Api.body(api.post("/api/ngo/groups/" + groupId + "/seats", GIRLTALK,
                "{\"referralId\": \"" + child.referralId() + "\"}"), 200);
        String consentId = UUID.randomUUID().toString();

        publish(WITHDRAWN, UUID.randomUUID().toString(),
                consentEnded(WITHDRAWN, consentId, child, List.of("GIRLTALK", "URK_AAR"), true));

        JsonNode data = Contracts.parse(EventProbe.value(ngoEvents.await(record -> confirms(record, consentId))));
        assertThat(data.get("ngoCodes")).extracting(JsonNode::asText).containsExactly("GIRLTALK");
        JsonNode group = Api.body(api.get("/api/ngo/groups/" + groupId, GIRLTALK), 200);
        assertThat(group.get("freeSeats").asInt()).as("the seat stays taken until the referral ends").isEqualTo(3);
        JsonNode seat = group.at("/seats/0");
        assertThat(seat.get("referralId").asText()).isEqualTo(child.referralId());
        assertThat(seat.has("childId")).isFalse();
        assertThat(seat.has("childAge")).isFalse();
        assertThat(group.toString()).doesNotContain(child.childId());
    }

    @Test
    void anExpiredConsentIsErasedLikeAWithdrawnOne() throws Exception {
        assumeTrue(Files.exists(Contracts.folder("consent-service").resolve(EXPIRED + ".schema.json")),
                "the consent service has no contract for " + EXPIRED + " yet");
        Arrived child = Referrals.arrive(api, POWERKIDS, "POWERKIDS", 12, "NORMAL");
        String consentId = UUID.randomUUID().toString();

        publish(EXPIRED, UUID.randomUUID().toString(), consentEnded(EXPIRED, consentId, child, List.of("URK_AAR"), true));

        JsonNode data = Contracts.parse(EventProbe.value(ngoEvents.await(record -> confirms(record, consentId))));
        assertThat(data.get("itemsErased").asInt()).isEqualTo(1);
        assertThat(inboxItem(POWERKIDS, child.referralId()).has("childAge")).isFalse();
    }

    /** The consent service's example of the type, about this child and naming these NGOs; checked against its schema. */
    private static String consentEnded(String type, String consentId, Arrived child, List<String> grantees,
            boolean wasActive) {
        ObjectNode data = (ObjectNode) Contracts.parse(Contracts.example("consent-service", type));
        data.put("consentId", consentId).put("childId", child.childId());
        if (data.has("referralId")) {
            data.put("referralId", child.referralId());
        }
        grantees.forEach(data.putArray("grantees")::add);
        if (data.has("wasActive")) {
            data.put("wasActive", wasActive);
        }
        if (data.has("refused")) {
            data.put("refused", !wasActive);
        }
        String json = data.toString();
        Contracts.assertMatchesSchema("consent-service", type, json);
        return json;
    }

    /** As the consent service publishes it: on consent.events, keyed by the child's pseudonym. */
    private static void publish(String type, String eventId, String json) {
        EventProbe.publishEvent("consent.events", type, eventId, Contracts.parse(json).get("childId").asText(), json);
    }

    private static boolean confirms(ConsumerRecord<byte[], byte[]> record, String consentId) {
        return "ngo.erasure-confirmed.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE))
                && Contracts.parse(EventProbe.value(record)).get("consentId").asText().equals(consentId)
                && new String(record.key(), StandardCharsets.UTF_8)
                        .equals(Contracts.parse(EventProbe.value(record)).get("childId").asText());
    }

    private JsonNode inboxItem(String token, String referralId) throws Exception {
        return entryIn(Api.body(api.get("/api/ngo/inbox", token), 200), referralId);
    }

    private static JsonNode entry(JsonNode waitingList, String referralId) {
        return entryIn(waitingList.get("entries"), referralId);
    }

    private static JsonNode entryIn(JsonNode items, String referralId) {
        for (JsonNode item : items) {
            if (item.get("referralId").asText().equals(referralId)) {
                return item;
            }
        }
        throw new AssertionError("No item for " + referralId);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
