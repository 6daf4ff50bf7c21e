package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.consent.TestConsents;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * A referral's life on the real store and broker: drafts, submission, withdrawal, duplicates,
 * CPR numbers, and the NGO's news arriving as the NGO service's own example events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ReferralLifecycleIntegrationTests {

    static final String TEACHER = TestTokens.municipalStaff("teacher-lifecycle", "0751");
    static EventProbe referralEvents;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
        TestCatalogue.publish(api);
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditTrail audit;


    @BeforeAll
    static void listen() {
        referralEvents = EventProbe.on("referral.events");
    }

    @AfterAll
    static void stopListening() {
        referralEvents.close();
    }

    @Test
    void aReferralReachesTheNgoOnlyOnceSubmittedAndConsentedTo() throws Exception {
        JsonNode draft = Api.body(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), false, false)), 201);
        String id = draft.get("id").asText();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");

        JsonNode submitted = Api.body(api.post("/api/referrals/" + id + "/submit", TEACHER, ""), 200);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("consentState").asText()).as("no consent service here: held").isEqualTo("AWAITING");
        assertThat(submitted.get("sharedWithNgoAt").isNull()).isTrue();

        TestConsents.grant(api, TEACHER, submitted, "URK_AAR", "CONCERNS");

        ConsumerRecord<byte[], byte[]> event = referralEvents.await(record -> key(record).equals(id)
                && !ReferralAwaitingConsent.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        assertThat(EventProbe.header(event, CloudEventHeaders.TYPE)).isEqualTo(ReferralSubmitted.TYPE);
        ConsumerRecord<byte[], byte[]> news = referralEvents.await(record -> key(record).equals(id)
                && ReferralUpdated.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("referral-service", ReferralUpdated.TYPE, EventProbe.value(news));
        assertThat(Contracts.parse(EventProbe.value(news)).get("consent").asText()).isEqualTo("GIVEN");
        assertThat(referralEvents.seen(record -> key(record).equals(id)))
                .extracting(record -> EventProbe.header(record, CloudEventHeaders.TYPE))
                .containsExactly(ReferralAwaitingConsent.TYPE, ReferralSubmitted.TYPE, ReferralUpdated.TYPE);
    }

    @Test
    void aWaitingReferralAsksTheConsentServiceThroughTheBrokerAndGoesOnWhenItConfirms() throws Exception {
        JsonNode draft = Api.body(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), false, false)), 201);
        String id = draft.get("id").asText();
        JsonNode held = Api.body(api.post("/api/referrals/" + id + "/submit", TEACHER, ""), 200);
        assertThat(held.get("consentState").asText()).as("no consent service here: no answer").isEqualTo("AWAITING");

        ConsumerRecord<byte[], byte[]> question = referralEvents.await(record -> key(record).equals(id)
                && ReferralAwaitingConsent.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("referral-service", ReferralAwaitingConsent.TYPE, EventProbe.value(question));
        JsonNode asked = Contracts.parse(EventProbe.value(question));
        assertThat(asked.get("childId").asText()).isEqualTo(held.at("/child/id").asText());
        assertThat(asked.get("ngoCode").asText()).isEqualTo("URK_AAR");
        assertThat(asked.get("purpose").asText()).isEqualTo("REFERRAL_AND_DELIVERY");
        assertThat(asked.get("categories")).extracting(JsonNode::asText).containsExactly("CONCERNS");

        // The consent service's answer, as its own example shows it, about this child.
        ObjectNode answer = (ObjectNode) Contracts.parse(Contracts.example("consent-service", "consent.confirmed.v1"));
        answer.put("childId", held.at("/child/id").asText()).put("answersReferralId", id).put("municipalityCode", "0751")
                .putArray("grantees").add("URK_AAR");
        EventProbe.publishEvent("consent.events", "consent.confirmed.v1", UUID.randomUUID().toString(),
                held.at("/child/id").asText(), answer.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get("/api/referrals/" + id, TEACHER), 200)
                .get("consentState").asText().equals("GIVEN"));
        referralEvents.await(record -> key(record).equals(id)
                && ReferralSubmitted.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
    }

    @Test
    void aConsentForAnotherNgoOrWithoutTheConcernsReleasesNothingAndARefusalIsTold() throws Exception {
        JsonNode held = Api.body(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, false)), 201);
        String id = held.get("id").asText();

        publishConsent(held, "URK_KBH", "CONCERNS", UUID.randomUUID().toString());
        publishConsent(held, "URK_AAR", "CONTACT", UUID.randomUUID().toString());
        String refused = UUID.randomUUID().toString();
        TestConsents.end(held, refused, true);

        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get("/api/referrals/" + id, TEACHER), 200)
                .get("consentState").asText().equals("REFUSED"));
        ConsumerRecord<byte[], byte[]> refusal = referralEvents.await(record -> key(record).equals(id)
                && ReferralUpdated.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        assertThat(Contracts.parse(EventProbe.value(refusal)).get("consent").asText()).isEqualTo("REFUSED");
        assertThat(referralEvents.seen(record -> key(record).equals(id)))
                .extracting(record -> EventProbe.header(record, CloudEventHeaders.TYPE))
                .as("the NGO never received it").containsExactly(ReferralAwaitingConsent.TYPE, ReferralUpdated.TYPE);
        assertThat(api.get("/api/referrals/" + id + "/for-ngo", TestTokens.ngoCoordinator("c", "URK_AAR"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void withdrawalNeedsAReasonIsPublishedAndCannotBeRepeated() throws Exception {
        String id = sentToNgo(referral(uniqueCpr(), true, false)).get("id").asText();

        HttpResponse<String> noReason = api.post("/api/referrals/" + id + "/withdraw", TEACHER, "{\"reason\": \"\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(noReason.body()).at("/errors/0/field").asText()).isEqualTo("reason");

        JsonNode withdrawn = Api.body(api.post("/api/referrals/" + id + "/withdraw", TEACHER,
                "{\"reason\": \"Familien er flyttet\"}"), 200);
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        ConsumerRecord<byte[], byte[]> event = referralEvents.await(record -> key(record).equals(id)
                && ReferralWithdrawn.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE)));
        Contracts.assertMatchesSchema("referral-service", ReferralWithdrawn.TYPE, EventProbe.value(event));
        assertThat(EventProbe.value(event)).doesNotContain("flyttet");

        HttpResponse<String> again = api.post("/api/referrals/" + id + "/withdraw", TEACHER, "{\"reason\": \"igen\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Contracts.parse(again.body()).get("type").asText()).endsWith("/illegal-transition");
    }

    @Test
    void warnsOfAnOpenReferralForTheSameChildWithoutRevealingItAndCreatesOneWhenConfirmed() throws Exception {
        String cpr = uniqueCpr();
        Api.body(api.post("/api/referrals", TEACHER, referral(cpr, true, false)), 201);

        HttpResponse<String> duplicate = api.post("/api/referrals", TestTokens.municipalStaff("colleague", "0751"),
                referral(cpr, true, false));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(Contracts.parse(duplicate.body()).get("type").asText()).endsWith("/duplicate-referral");
        assertThat(duplicate.body()).doesNotContain("POWERKIDS", "teacher-lifecycle");

        assertThat(api.post("/api/referrals", TEACHER, referral(cpr, true, true)).statusCode()).isEqualTo(201);
        assertThat(api.post("/api/referrals", TestTokens.municipalStaff("caseworker", "0101"),
                inCopenhagen(referral(cpr, true, false))).statusCode()).as("another municipality knows the child by another pseudonym").isEqualTo(201);
    }

    @Test
    void reReferringAfterADeclineKeepsTheChildsIdentity() throws Exception {
        JsonNode original = sentToNgo(referral(uniqueCpr(), true, false));
        String id = original.get("id").asText();
        publishNgoExample("ngo.referral-decided.v1", UUID.randomUUID().toString(), id);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("DECLINED"));

        JsonNode again = Api.body(api.post("/api/referrals", TEACHER, referral("", true, false)
                .replace("\"POWERKIDS\"", "\"CYKELHJELM\"").replace("PARENTAL_DIVORCE", "RELATIVE_MENTAL_ILLNESS")
                .replace("\"confirmDuplicate\": false", "\"confirmDuplicate\": false, \"basedOn\": \"" + id + "\"")), 201);

        assertThat(again.at("/child/id").asText()).isEqualTo(original.at("/child/id").asText());
        assertThat(again.at("/child/hasCpr").asBoolean()).isTrue();
        assertThat(again.get("interventionCode").asText()).isEqualTo("CYKELHJELM");
        assertThat(Api.body(api.post("/api/referrals", TestTokens.municipalStaff("cph", "0101"),
                inCopenhagen(referral("", true, false)).replace("\"confirmDuplicate\": false",
                        "\"confirmDuplicate\": false, \"basedOn\": \"" + id + "\"")), 404))
                .as("another municipality's referral cannot be the basis").isNotNull();
    }

    @Test
    void theCoursesProgressReachesTheReferrerOnlyWhenTheConsentLetsTheNgoReportIt() throws Exception {
        JsonNode told = sentToNgo(referral(uniqueCpr(), true, true));
        JsonNode notTold = Api.body(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, true)), 201);
        publishConsent(notTold, "URK_AAR", "CONCERNS", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get("/api/referrals/"
                + notTold.get("id").asText(), TEACHER), 200).get("consentState").asText().equals("GIVEN"));

        String toldId = told.get("id").asText();
        // The quiet one's news first, under the same key as the other's, so it is read before the other's.
        for (JsonNode referral : List.of(notTold, told)) {
            String id = referral.get("id").asText();
            EventProbe.publishEvent("ngo.events", "ngo.referral-decided.v1", UUID.randomUUID().toString(), id,
                    "{\"referralId\": \"%s\", \"decision\": \"ACCEPTED\", \"occurredAt\": \"2026-11-26T10:15:00Z\"}"
                            .formatted(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("ACCEPTED"));
            publishProgress(id, toldId, "STARTED", null);
            publishProgress(id, toldId, "DROPPED_OUT", "FAMILY_WITHDREW");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> status(toldId).equals("DROPPED_OUT"));
        JsonNode ended = Api.body(api.get("/api/referrals/" + toldId, TEACHER), 200);
        assertThat(ended.get("needsAnotherOffer").asBoolean()).isTrue();
        assertThat(ended.get("timeline")).extracting(step -> step.get("status").asText()).endsWith("STARTED",
                "DROPPED_OUT");
        assertThat(ended.at("/timeline/4/reason").asText()).isEqualTo("FAMILY_WITHDREW");
        // The one without PROGRESS_TO_REFERRER stays at the decision.
        JsonNode quiet = Api.body(api.get("/api/referrals/" + notTold.get("id").asText(), TEACHER), 200);
        assertThat(quiet.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(quiet.get("progressToReferrer").asBoolean()).isFalse();
        assertThat(quiet.get("progressWithheldBy").asText()).isEqualTo("CONSENT");
    }

    @Test
    void aPartnershipThatSharesAggregatesOnlyShowsTheReferrerNoProgressEvenUnderAConsentThatWouldLetIt()
            throws Exception {
        String odense = TestTokens.municipalStaff("health-visitor-sharing", "0461");
        JsonNode submitted = Api.body(api.post("/api/referrals", odense, referral(uniqueCpr(), true, true)
                .replace("\"POWERKIDS\"", "\"NEFOS_SUICIDE\"")
                .replace("PARENTAL_DIVORCE", "RELATIVE_SUICIDAL_BEHAVIOUR")), 201);
        TestConsents.grant(api, odense, submitted, "NEFOS", "CONCERNS", "CHILD_VIEW");
        String quietId = submitted.get("id").asText();
        JsonNode told = sentToNgo(referral(uniqueCpr(), true, true));
        String toldId = told.get("id").asText();

        for (String id : List.of(quietId, toldId)) {
            EventProbe.publishEvent("ngo.events", "ngo.referral-decided.v1", UUID.randomUUID().toString(), id,
                    "{\"referralId\": \"%s\", \"decision\": \"ACCEPTED\", \"occurredAt\": \"2026-11-26T10:15:00Z\"}"
                            .formatted(id));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(toldId).equals("ACCEPTED")
                && Api.body(api.get("/api/referrals/" + quietId, odense), 200).get("status").asText()
                        .equals("ACCEPTED"));
        // The aggregates-only partnership's news first, under the other's key, so it is read before the other's.
        publishProgress(quietId, toldId, "STARTED", null);
        publishProgress(toldId, toldId, "STARTED", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(toldId).equals("STARTED"));

        JsonNode quiet = Api.body(api.get("/api/referrals/" + quietId, odense), 200);
        assertThat(quiet.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(quiet.get("progressToReferrer").asBoolean()).isFalse();
        assertThat(quiet.get("progressWithheldBy").asText()).isEqualTo("PARTNERSHIP");
        assertThat(quiet.get("timeline")).extracting(step -> step.get("status").asText()).doesNotContain("STARTED");
        assertThat(Api.body(api.get("/api/referrals/" + toldId, TEACHER), 200).get("progressToReferrer")
                .asBoolean()).isTrue();
    }

    @Test
    void aMatchTheFamilyDeclinedTakesTheReferralBackToWhereItWaitedWithTheReasonInItsHistoryOncePerEvent()
            throws Exception {
        String id = sentToNgo(referral(uniqueCpr(), true, true)).get("id").asText();
        EventProbe.publishEvent("ngo.events", "ngo.referral-decided.v1", UUID.randomUUID().toString(), id, """
                {"referralId": "%s", "decision": "WAITLISTED", "expectedStart": "2027-01-11",
                 "occurredAt": "2026-11-26T10:15:00Z"}""".formatted(id));
        publishMatched(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("MATCHED"));

        String declined = UUID.randomUUID().toString();
        publishNgoExample("ngo.match-declined.v1", declined, id);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("WAITLISTED"));
        JsonNode waiting = Api.body(api.get("/api/referrals/" + id, TEACHER), 200);
        assertThat(waiting.get("timeline")).extracting(step -> step.get("status").asText()).endsWith("WAITLISTED",
                "MATCHED", "WAITLISTED");
        JsonNode step = waiting.get("timeline").get(waiting.get("timeline").size() - 1);
        assertThat(step.get("reason").asText()).isEqualTo("MATCH_DECLINED_CHEMISTRY");
        ConsumerRecord<byte[], byte[]> news = referralEvents.await(record -> key(record).equals(id)
                && ReferralUpdated.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE))
                && EventProbe.value(record).contains("MATCH_DECLINED_CHEMISTRY"));
        Contracts.assertMatchesSchema("referral-service", ReferralUpdated.TYPE, EventProbe.value(news));
        assertThat(Contracts.parse(EventProbe.value(news)).get("status").asText()).isEqualTo("WAITLISTED");

        // Matched with another person; the same event delivered again changes nothing, the start goes on.
        publishMatched(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("MATCHED"));
        publishNgoExample("ngo.match-declined.v1", declined, id);
        EventProbe.publishEvent("ngo.events", "ngo.referral-progressed.v1", UUID.randomUUID().toString(), id, """
                {"referralId": "%s", "childId": "%s", "status": "STARTED", "startedOn": "2026-12-07",
                 "occurredAt": "2026-12-07T10:00:00Z"}""".formatted(id, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("STARTED"));
        assertThat(Api.body(api.get("/api/referrals/" + id, TEACHER), 200).get("timeline"))
                .extracting(entry -> entry.get("status").asText())
                .endsWith("WAITLISTED", "MATCHED", "WAITLISTED", "MATCHED", "STARTED");
    }

    private static void publishMatched(String referralId) {
        String data = """
                {"referralId": "%s", "childId": "%s", "status": "MATCHED", "deliveredBy": [{"volunteerId": "v-%s"}],
                 "occurredAt": "2026-12-01T10:00:00Z"}""".formatted(referralId, UUID.randomUUID(), UUID.randomUUID());
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-progressed.v1", data);
        EventProbe.publishEvent("ngo.events", "ngo.referral-progressed.v1", UUID.randomUUID().toString(), referralId,
                data);
    }

    private static void publishProgress(String referralId, String key, String status, String reason) {
        String data = """
                {"referralId": "%s", "childId": "%s", "status": "%s",%s "needsAnotherOffer": true,
                 "occurredAt": "2026-12-01T10:00:00Z"}""".formatted(referralId, UUID.randomUUID(), status,
                reason == null ? "" : " \"reason\": \"" + reason + "\",");
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-progressed.v1", data);
        EventProbe.publishEvent("ngo.events", "ngo.referral-progressed.v1", UUID.randomUUID().toString(), key, data);
    }

    @Test
    void badInputAnswers400NamingTheFieldAndStoresNothing() throws Exception {
        long before = mongo.getCollection("referrals").countDocuments();

        assertField(api.post("/api/referrals", TEACHER, referral("310215-4321", true, false)), "child.cpr");
        assertField(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, false)
                .replace("\"birthDate\": null", "\"birthDate\": \"2001-01-01\"")), "child.birthDate");
        assertField(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, false)
                .replace("\"wishes\": \"At tale med andre børn\"", "\"wishes\": \"" + "x".repeat(4001) + "\"")),
                "childView.wishes");
        assertField(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, false)
                .replace("\"interventionCode\": \"POWERKIDS\"", "\"interventionCode\": \"powerkids!\"")),
                "interventionCode");
        HttpResponse<String> wrongType = api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, false)
                .replace("\"submit\": true", "\"submit\": \"soon\""));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertField(wrongType, "submit");
        assertField(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, false)
                .replace("\"birthDate\": null", "\"birthDate\": \"25-09-2016\"")), "child.birthDate");
        assertField(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, false)
                .replace("\"submit\": true", "\"submit\": true, \"role\": \"ADMIN\"")), "role");

        assertThat(mongo.getCollection("referrals").countDocuments()).isEqualTo(before);
    }

    @Test
    void followsTheNgosNewsFromTheNgoServicesOwnExamplesOncePerEvent() throws Exception {
        String id = sentToNgo(referral(uniqueCpr(), true, false)).get("id").asText();
        String received = UUID.randomUUID().toString();
        publishNgoExample("ngo.referral-received.v1", received, id);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("RECEIVED"));

        publishNgoExample("ngo.referral-decided.v1", UUID.randomUUID().toString(), id);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("DECLINED"));
        publishNgoExample("ngo.referral-received.v1", received, id);

        JsonNode referral = Api.body(api.get("/api/referrals/" + id, TEACHER), 200);
        assertThat(referral.get("suggestedInterventionCode").asText()).isEqualTo("SAMTALEGRUPPER");
        assertThat(referral.get("timeline")).extracting(step -> step.get("status").asText())
                .containsExactly("DRAFT", "SUBMITTED", "RECEIVED", "DECLINED");
        assertThat(referral.at("/timeline/3/reason").asText()).isEqualTo("OUTSIDE_TARGET_GROUP");
    }

    @Test
    void neitherEventsNorLogsCarryTheChildsNameOrCprNumber(CapturedOutput output) throws Exception {
        String cpr = uniqueCpr();
        String id = sentToNgo(referral(cpr, true, false)).get("id").asText();
        JsonNode stored = Api.body(api.get("/api/referrals/" + id, TEACHER), 200);

        String event = EventProbe.value(referralEvents.await(record -> key(record).equals(id)));

        assertThat(stored.toString()).doesNotContain(cpr, cpr.replace("-", ""));
        assertThat(stored.at("/child/hasCpr").asBoolean()).isTrue();
        assertThat(event).doesNotContain(cpr.replace("-", ""), cpr, "Alma", "Jensen", "Hanne", "20304050");
        assertThat(output.getAll()).doesNotContain(cpr.replace("-", ""), cpr, "Alma", "Jensen", "Hanne", "20304050");
    }

    @Test
    void listsTheCallersOwnReferralsNewestFirstByStatusAndPage() throws Exception {
        String teacher = TestTokens.municipalStaff("teacher-list-" + UUID.randomUUID(), "0751");
        String first = Api.body(api.post("/api/referrals", teacher, referral(uniqueCpr(), true, true)), 201).get("id").asText();
        String draft = Api.body(api.post("/api/referrals", teacher, referral(uniqueCpr(), false, true)), 201).get("id").asText();
        String last = Api.body(api.post("/api/referrals", teacher, referral(uniqueCpr(), true, true)), 201).get("id").asText();

        JsonNode all = Api.body(api.get("/api/referrals", teacher), 200);
        JsonNode submitted = Api.body(api.get("/api/referrals?status=SUBMITTED&size=1", teacher), 200);

        assertThat(all.get("items")).extracting(item -> item.get("id").asText()).containsExactly(last, draft, first);
        assertThat(submitted.get("totalItems").asInt()).isEqualTo(2);
        assertThat(submitted.get("totalPages").asInt()).isEqualTo(2);
        assertThat(submitted.get("items")).extracting(item -> item.get("id").asText()).containsExactly(last);
        assertThat(api.get("/api/referrals?size=1000", teacher).statusCode()).isEqualTo(400);
    }

    @Test
    void everyReadChangeAndRefusalIsAuditedWithIdsOnly() throws Exception {
        JsonNode created = Api.body(api.post("/api/referrals", TEACHER, referral(uniqueCpr(), true, false)), 201);
        String id = created.get("id").asText();
        String child = created.at("/child/id").asText();

        Api.body(api.get("/api/referrals/" + id, TEACHER), 200);
        assertThat(api.get("/api/referrals/" + id, TestTokens.municipalStaff("caseworker", "0101")).statusCode())
                .isEqualTo(404);

        List<AuditRecord> trail = audit.about(child);
        assertThat(trail).extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::organisation,
                AuditRecord::decision).containsExactly(
                        tuple("CREATE", "teacher-lifecycle", "0751", "PERMIT"),
                        tuple("READ", "teacher-lifecycle", "0751", "PERMIT"),
                        tuple("DENIED", "caseworker", "0101", "DENY"));
        assertThat(trail).allSatisfy(record -> {
            assertThat(record.resourceId()).isEqualTo(id);
            assertThat(record.toString()).doesNotContain("Alma", "Jensen", "140315");
        });
    }

    /** Creates and submits the referral, and lets it reach the NGO with the custody holders' consent. */
    private JsonNode sentToNgo(String referral) throws Exception {
        return sentToNgo(Api.body(api.post("/api/referrals", TEACHER, referral), 201));
    }

    private JsonNode sentToNgo(JsonNode submitted) throws Exception {
        TestConsents.grant(api, TEACHER, submitted, "URK_AAR", "CONCERNS", "CHILD_VIEW");
        return Api.body(api.get("/api/referrals/" + submitted.get("id").asText(), TEACHER), 200);
    }

    private static void publishConsent(JsonNode referral, String ngo, String category, String consentId) {
        String data = """
                {"consentId": "%s", "childId": "%s", "municipalityCode": "0751", "grantees": ["%s"],
                 "purposes": ["REFERRAL_AND_DELIVERY"], "categories": ["%s"], "validUntil": "2027-10-31",
                 "occurredAt": "2026-11-20T10:00:00Z"}""".formatted(consentId, referral.at("/child/id").asText(), ngo,
                category);
        Contracts.assertMatchesSchema("consent-service", "consent.granted.v1", data);
        EventProbe.publishEvent("consent.events", "consent.granted.v1", UUID.randomUUID().toString(),
                referral.at("/child/id").asText(), data);
    }

    private String status(String id) throws Exception {
        return Api.body(api.get("/api/referrals/" + id, TEACHER), 200).get("status").asText();
    }

    private void publishNgoExample(String type, String eventId, String referralId) {
        String example = Contracts.example("ngo-service", type);
        String data = example.replace(Contracts.parse(example).get("referralId").asText(), referralId);
        EventProbe.publishEvent("ngo.events", type, eventId, referralId, data);
    }

    /** A referral of a girl born 14 March 2015 with the given CPR number (its date part is that birthday). */
    static String referral(String cpr, boolean submit, boolean confirmDuplicate) {
        return """
                {
                  "child": {"cpr": "%s", "firstName": "Alma", "lastName": "Jensen", "birthDate": null,
                            "gender": "GIRL", "postcode": "8210"},
                  "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                  "interventionCode": "POWERKIDS",
                  "concerns": ["PARENTAL_DIVORCE"],
                  "childView": {"whatIsHard": "Det er svært med skilsmissen", "wishes": "At tale med andre børn"},
                  "submit": %s,
                  "confirmDuplicate": %s
                }""".formatted(cpr, submit, confirmDuplicate);
    }

    /** The same referral to Copenhagen's mentoring offer, whose target group it fits. */
    static String inCopenhagen(String referral) {
        return referral.replace("\"POWERKIDS\"", "\"STROEM\"").replace("PARENTAL_DIVORCE", "LACKS_NETWORK");
    }

    /** Serial numbers in turn from a random start, so two referrals of one run never share a child by chance. */
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS =
            new java.util.concurrent.atomic.AtomicInteger((int) (Math.random() * 1000));

    /** A fresh synthetic CPR number with the date 14-03-2015 (seventh digit 4: born 2000–2036). */
    static String uniqueCpr() {
        return "140315-4" + String.format("%03d", SERIALS.getAndIncrement() % 1000);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }




    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
