package dk.earlyhelp.consent.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * The consent rules of CONSENT.md on the real store and broker: default deny, all grantors, each
 * grantor's own scope, specific or nothing, refusal and withdrawal, and staff's view of a child's
 * consents. This context has no mail server, so personal links cannot be sent here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentIntegrationTests {

    static final String CASEWORKER = TestTokens.municipalStaff("caseworker-aarhus", "0751");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final String STROEM = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");
    static EventProbe consentEvents;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }


    @BeforeAll
    static void listen() {
        consentEvents = EventProbe.on("consent.events");
    }

    @AfterAll
    static void stopListening() {
        consentEvents.close();
    }

    @Test
    void grantsNothingUntilEveryCustodyHolderHasConsentedThenOnlyWhatItNames() throws Exception {
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 2)), 201).get("id").asText();

        Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")), 200);
        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT")).as("one of two parents").isFalse();

        JsonNode active = Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")), 200);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");

        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT,CONCERNS")).isTrue();
        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT,CPR")).as("a category not named").isFalse();
        assertThat(decision(POWERKIDS, child, "RESEARCH", "CONTACT")).as("a purpose not named").isFalse();
        assertThat(decision(STROEM, child, "REFERRAL_AND_DELIVERY", "CONTACT")).as("an NGO not named").isFalse();
        // Rule 10: who asked, the purpose and categories, permit or deny, and the consent version that decided.
        var decisions = audit.about(child).stream()
                .filter(record -> record.resourceType().equals("consent-decision:REFERRAL_AND_DELIVERY")).toList();
        assertThat(decisions).anySatisfy(record -> {
            assertThat(record.decision()).isEqualTo("PERMIT");
            // Version 3, as the history numbers it: the draft, then each parent's consent.
            assertThat(record.consent()).isEqualTo(id + "@v3");
            assertThat(record.resourceId()).isEqualTo(record.consent());
            assertThat(record.categories()).containsExactly("CONCERNS", "CONTACT");
            assertThat(record.purpose()).isEqualTo("REFERRAL_AND_DELIVERY");
        });
        assertThat(decisions).anySatisfy(record -> {
            assertThat(record.decision()).isEqualTo("DENY");
            assertThat(record.categories()).containsExactly("CONTACT", "CPR");
            assertThat(record.consent()).as("CONTACT was permitted, under the same version").isEqualTo(id + "@v3");
        });

        ConsumerRecord<byte[], byte[]> granted = consentEvents.await(record -> key(record).equals(child)
                && "consent.granted.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("consent-service", "consent.granted.v1", EventProbe.value(granted));
    }

    @Test
    void withdrawalDeniesAtOnceAndTellsEveryService() throws Exception {
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 1)), 201).get("id").asText();
        Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")), 200);
        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT")).isTrue();

        Api.body(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, ""), 200);

        assertThat(decision(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT")).isFalse();
        ConsumerRecord<byte[], byte[]> withdrawn = consentEvents.await(record -> key(record).equals(child)
                && "consent.withdrawn.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("consent-service", "consent.withdrawn.v1", EventProbe.value(withdrawn));
        JsonNode data = Contracts.parse(EventProbe.value(withdrawn));
        assertThat(data.get("wasActive").asBoolean()).isTrue();
        assertThat(data.get("refused").asBoolean()).isFalse();
        ConsumerRecord<byte[], byte[]> erasure = consentEvents.await(record -> key(record).equals(child)
                && "consent.erasure-requested.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("consent-service", "consent.erasure-requested.v1", EventProbe.value(erasure));
        assertThat(Contracts.parse(EventProbe.value(erasure)).get("confirmers")).as("who must confirm")
                .extracting(JsonNode::asText).contains("ngo-service", "measurement-service");
        assertThat(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, "").statusCode()).isEqualTo(409);
    }

    @Test
    void aColleagueFollowsOnlyWhileAConsentInForceNamesTheirRole() throws Exception {
        String child = UUID.randomUUID().toString();
        JsonNode draft = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 1)
                .replace("\"textVersion\"", "\"followerRoles\": [\"SCHOOL_PSYCHOLOGIST\"], \"textVersion\"")), 201);
        String id = draft.get("id").asText();
        assertThat(draft.get("followerRoles").toString()).isEqualTo("[\"SCHOOL_PSYCHOLOGIST\"]");
        assertThat(mayFollow(CASEWORKER, child, "SCHOOL_PSYCHOLOGIST")).as("a draft grants nothing").isFalse();

        Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")), 200);

        JsonNode permitted = Api.body(api.get("/api/consents/follower-decision?childId=" + child
                + "&role=SCHOOL_PSYCHOLOGIST", CASEWORKER), 200);
        assertThat(permitted.get("permitted").asBoolean()).isTrue();
        assertThat(permitted.get("consentId").asText()).isEqualTo(id);
        assertThat(mayFollow(CASEWORKER, child, "HEALTH_VISITOR")).as("a role not named").isFalse();
        assertThat(mayFollow(TestTokens.municipalStaff("caseworker-cph", "0101"), child, "SCHOOL_PSYCHOLOGIST"))
                .as("another municipality").isFalse();
        assertThat(api.get("/api/consents/follower-decision?childId=" + child + "&role=SCHOOL_PSYCHOLOGIST",
                POWERKIDS).statusCode()).as("not the NGO's question").isEqualTo(403);
        HttpResponse<String> badRole = api.get("/api/consents/follower-decision?childId=" + child + "&role=psych%3Cx",
                CASEWORKER);
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("\"field\":\"role\"");
        assertThat(audit.about(child)).extracting(AuditRecord::resourceType).contains("consent-decision:FOLLOWING");

        Api.body(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, ""), 200);

        assertThat(mayFollow(CASEWORKER, child, "SCHOOL_PSYCHOLOGIST")).as("withdrawn").isFalse();
    }

    private boolean mayFollow(String token, String child, String role) throws Exception {
        return Api.body(api.get("/api/consents/follower-decision?childId=" + child + "&role=" + role, token), 200)
                .get("permitted").asBoolean();
    }

    @Test
    void aConsentThatIsNotSpecificIsRejected() throws Exception {
        HttpResponse<String> noPurpose = api.post("/api/consents", CASEWORKER,
                consent(UUID.randomUUID().toString(), 1).replace("\"purposes\": [\"REFERRAL_AND_DELIVERY\", \"PROGRESS_TO_REFERRER\"],", ""));
        HttpResponse<String> tooLong = api.post("/api/consents", CASEWORKER, consent(UUID.randomUUID().toString(), 1)
                .replace(LocalDate.now().plusMonths(6).toString(), LocalDate.now().plusMonths(13).toString()));

        assertThat(noPurpose.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(noPurpose.body()).get("type").asText()).endsWith("/consent-not-specific");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(tooLong.body()).get("type").asText()).endsWith("/consent-not-specific");
    }

    @Test
    void anotherMunicipalitysConsentAnswersLikeAMissingOne() throws Exception {
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(UUID.randomUUID().toString(), 1)), 201)
                .get("id").asText();

        assertThat(api.get("/api/consents/" + id, TestTokens.municipalStaff("caseworker-cph", "0101")).statusCode())
                .isEqualTo(404);
        assertThat(api.post("/api/consents", POWERKIDS, consent(UUID.randomUUID().toString(), 1)).statusCode())
                .as("an NGO records consents only for a child it registered itself").isEqualTo(404);
    }

    @Test
    void eachGrantorsTicksNarrowWhatTheConsentPermits() throws Exception {
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 2)), 201).get("id").asText();

        HttpResponse<String> outside = api.post("/api/consents/" + id + "/grantors", CASEWORKER,
                grantor("CUSTODY_HOLDER", "[\"REFERRAL_AND_DELIVERY\"]", "[\"CONTACT\", \"CPR\"]"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(outside.body()).at("/errors/0/field").asText()).isEqualTo("categories");

        Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER,
                grantor("CUSTODY_HOLDER", null, "[\"CONTACT\", \"CONCERNS\"]")), 200);
        JsonNode active = Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER,
                grantor("CUSTODY_HOLDER", "[\"REFERRAL_AND_DELIVERY\"]", null)), 200);

        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("effectivePurposes")).extracting(JsonNode::asText).containsExactly("REFERRAL_AND_DELIVERY");
        assertThat(active.get("effectiveCategories")).extracting(JsonNode::asText).containsExactly("CONTACT", "CONCERNS");
        assertThat(decision(POWERKIDS, child, "PROGRESS_TO_REFERRER", "CONTACT")).as("a purpose one parent left out").isFalse();
        JsonNode partly = decide(POWERKIDS, child, "REFERRAL_AND_DELIVERY", "CONTACT,CHILD_VIEW");
        assertThat(partly.get("permitted").asBoolean()).isFalse();
        assertThat(partly.get("permittedCategories")).extracting(JsonNode::asText).containsExactly("CONTACT");
        ConsumerRecord<byte[], byte[]> granted = consentEvents.await(record -> key(record).equals(child)
                && "consent.granted.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        assertThat(Contracts.parse(EventProbe.value(granted)).get("categories")).extracting(JsonNode::asText)
                .containsExactly("CONCERNS", "CONTACT");
    }

    @Test
    void aRefusalOrAWithdrawnDraftIsAnnouncedWithTheReferral() throws Exception {
        String child = UUID.randomUUID().toString();
        String referral = UUID.randomUUID().toString();
        String refusedId = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 2, referral)), 201).get("id").asText();
        String draftId = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 2, referral)), 201).get("id").asText();
        Api.body(api.post("/api/consents/" + refusedId + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")), 200);

        JsonNode refused = Api.body(api.post("/api/consents/" + refusedId + "/refusals", CASEWORKER,
                "{\"role\": \"CUSTODY_HOLDER\"}"), 200);
        Api.body(api.post("/api/consents/" + draftId + "/withdraw", CASEWORKER, ""), 200);

        assertThat(refused.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(refused.get("refused").asBoolean()).isTrue();
        assertThat(refused.get("referralId").asText()).isEqualTo(referral);
        JsonNode refusal = withdrawnEvent(refusedId);
        assertThat(refusal.get("refused").asBoolean()).isTrue();
        assertThat(refusal.get("wasActive").asBoolean()).isFalse();
        assertThat(refusal.get("referralId").asText()).isEqualTo(referral);
        assertThat(refusal.get("interventionCode").asText()).isEqualTo("POWERKIDS");
        JsonNode withdrawnDraft = withdrawnEvent(draftId);
        assertThat(withdrawnDraft.get("refused").asBoolean()).isFalse();
        assertThat(withdrawnDraft.get("wasActive").asBoolean()).isFalse();
        assertThat(api.post("/api/consents/" + refusedId + "/refusals", CASEWORKER, "{\"role\": \"CUSTODY_HOLDER\"}")
                .statusCode()).as("only a draft can be refused").isEqualTo(409);
    }

    @Test
    void staffSeeTheirMunicipalitysConsentsOfAChildNewestFirstAndEachLookIsAudited() throws Exception {
        String child = UUID.randomUUID().toString();
        String older = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 1)), 201).get("id").asText();
        String newer = Api.body(api.post("/api/consents", CASEWORKER, consent(child, 1, UUID.randomUUID().toString())),
                201).get("id").asText();
        String copenhagen = TestTokens.municipalStaff("caseworker-cph", "0101");
        Api.body(api.post("/api/consents", copenhagen, consent(child, 1)), 201);

        JsonNode mine = Api.body(api.get("/api/consents?childId=" + child, CASEWORKER), 200);

        assertThat(mine).extracting(consent -> consent.get("id").asText()).containsExactly(newer, older);
        assertThat(mine.get(0).get("createdAt").asText()).isNotBlank();
        assertThat(mine.get(0).get("custodyHoldersRequired").asInt()).isEqualTo(1);
        assertThat(mine.get(0).get("youngPersonRequired").asBoolean()).isFalse();
        assertThat(mine.get(0).get("effectiveCategories")).hasSize(3);
        assertThat(mine.get(0).get("invitations")).isEmpty();
        assertThat(Api.body(api.get("/api/consents?childId=" + child, TestTokens.municipalStaff("caseworker-odense",
                "0461")), 200)).as("another municipality's consents").isEmpty();
        assertThat(audit.about(child)).filteredOn(record -> record.action().equals("READ")
                && record.actor().equals("caseworker-aarhus")).extracting(AuditRecord::resourceId)
                .contains(newer, older);
        assertThat(Api.body(api.get("/api/consents?childId=" + child, POWERKIDS), 200))
                .as("an NGO lists only the consents it recorded for children it registered").isEmpty();
    }

    @Test
    void withoutAMailServerNoPersonalLinkIsSentAndNothingIsStored() throws Exception {
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(UUID.randomUUID().toString(), 1)), 201)
                .get("id").asText();

        HttpResponse<String> badAddress = api.post("/api/consents/" + id + "/invitations", CASEWORKER,
                "{\"role\": \"CUSTODY_HOLDER\", \"email\": \"not-an-address\"}");
        HttpResponse<String> noMail = api.post("/api/consents/" + id + "/invitations", CASEWORKER,
                "{\"role\": \"CUSTODY_HOLDER\", \"email\": \"maria@example.org\"}");

        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(badAddress.body()).at("/errors/0/field").asText()).isEqualTo("email");
        assertThat(noMail.statusCode()).isEqualTo(503);
        assertThat(Contracts.parse(noMail.body()).get("type").asText()).endsWith("/mail-unavailable");
        assertThat(Api.body(api.get("/api/consents/" + id, CASEWORKER), 200).get("invitations")).isEmpty();
    }

    private JsonNode withdrawnEvent(String consentId) {
        ConsumerRecord<byte[], byte[]> withdrawn = consentEvents.await(record -> "consent.withdrawn.v1".equals(
                EventProbe.header(record, CloudEventHeaders.TYPE)) && consentId.equals(EventProbe.header(record, "ce_subject")));
        Contracts.assertMatchesSchema("consent-service", "consent.withdrawn.v1", EventProbe.value(withdrawn));
        return Contracts.parse(EventProbe.value(withdrawn));
    }

    private boolean decision(String token, String child, String purpose, String categories) throws Exception {
        return decide(token, child, purpose, categories).get("permitted").asBoolean();
    }

    private JsonNode decide(String token, String child, String purpose, String categories) throws Exception {
        return Api.body(api.get("/api/consents/decision?childId=" + child + "&purpose=" + purpose + "&categories=" + categories,
                token), 200);
    }

    static String consent(String childId, int custodyHolders) {
        return """
                {"childId": "%s", "grantees": ["URK_AAR"], "interventionCode": "POWERKIDS",
                 "purposes": ["REFERRAL_AND_DELIVERY", "PROGRESS_TO_REFERRER"],
                 "categories": ["CONTACT", "CONCERNS", "CHILD_VIEW"],
                 "validFrom": "%s", "validUntil": "%s",
                 "custodyHoldersRequired": %d, "youngPersonRequired": false, "textVersion": "da-2026-1"}
                """.formatted(childId, LocalDate.now(), LocalDate.now().plusMonths(6), custodyHolders);
    }

    static String consent(String childId, int custodyHolders, String referralId) {
        return consent(childId, custodyHolders).replace("{", "{\"referralId\": \"" + referralId + "\", ");
    }

    static String grantor(String role) {
        return "{\"role\": \"" + role + "\", \"method\": \"SIGNED_PAPER\"}";
    }

    /** A grantor's consent with their own ticks; null leaves a list out (everything named). */
    static String grantor(String role, String purposes, String categories) {
        return "{\"role\": \"" + role + "\", \"method\": \"SIGNED_PAPER\""
                + (purposes == null ? "" : ", \"purposes\": " + purposes)
                + (categories == null ? "" : ", \"categories\": " + categories) + "}";
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
