package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.consent.TestConsents;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * Drafts saved part by part as the referrer types, and the eligibility check that guards
 * submission, on the real store and broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftAndEligibilityIntegrationTests {

    static EventProbe referralEvents;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Api api;
    String teacher;

    @BeforeAll
    static void listen() {
        referralEvents = EventProbe.on("referral.events");
    }

    @AfterAll
    static void stopListening() {
        referralEvents.close();
    }

    @BeforeEach
    void catalogue() {
        api = new Api(port);
        teacher = TestTokens.municipalStaff("teacher-draft-" + UUID.randomUUID(), "0751");
        TestCatalogue.publish(api);
    }

    @Test
    void aDraftIsSavedPartByPartAndSubmittedWhenComplete() throws Exception {
        JsonNode started = Api.body(api.post("/api/referrals/drafts", teacher,
                "{\"child\": {\"firstName\": \"Otto\", \"gender\": \"BOY\"}}"), 201);
        String id = started.get("id").asText();
        assertThat(started.get("status").asText()).isEqualTo("DRAFT");

        HttpResponse<String> incomplete = api.post("/api/referrals/" + id + "/submit", teacher, "");
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(incomplete.body()).get("errors")).extracting(error -> error.get("field").asText())
                .containsExactly("child.lastName", "child.birthDate", "custodyHolders", "interventionCode", "concerns",
                        "childView.whatIsHard", "childView.wishes");

        Api.body(api.put("/api/referrals/" + id, teacher, complete("Otto")), 200);
        JsonNode reopened = Api.body(api.get("/api/referrals/" + id, teacher), 200);
        assertThat(reopened.at("/childView/wishes").asText()).isEqualTo("At tale med nogen");
        assertThat(reopened.at("/child/hasCpr").asBoolean()).isTrue();
        assertThat(api.put("/api/referrals/" + id, TestTokens.municipalStaff("colleague", "0751"), complete("X"))
                .statusCode()).as("a colleague cannot edit someone's draft").isEqualTo(404);

        Api.body(api.put("/api/referrals/" + id, teacher, complete("Otto").replace("\"cpr\": \"020616-4111\", ", "")),
                200);
        JsonNode submitted = Api.body(api.post("/api/referrals/" + id + "/submit", teacher, ""), 200);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.at("/child/hasCpr").asBoolean()).as("the CPR number is kept when not sent again")
                .isTrue();
        assertThat(api.put("/api/referrals/" + id, teacher, complete("Otto")).statusCode()).isEqualTo(409);
        TestConsents.grant(api, teacher, submitted, "URK_AAR", "CONCERNS");
        referralEvents.await(record -> new String(record.key(), StandardCharsets.UTF_8).equals(id));
    }

    @Test
    void aHardExclusionBlocksWithWhereToTurnAndStoresNothing() throws Exception {
        String odense = TestTokens.municipalStaff("health-visitor-" + UUID.randomUUID(), "0461");
        long before = mongo.getCollection("referrals").countDocuments();

        HttpResponse<String> blocked = api.post("/api/referrals", odense, complete("Ida")
                .replace("\"POWERKIDS\"", "\"NEFOS_SUICIDE\"")
                .replace("\"PARENTAL_DIVORCE\"", "\"RELATIVE_SUICIDAL_BEHAVIOUR\", \"OWN_SUICIDE_ATTEMPT\"")
                .replace("\"overrideReason\": null", "\"overrideReason\": \"Please\""));

        assertThat(blocked.statusCode()).isEqualTo(422);
        JsonNode problem = Contracts.parse(blocked.body());
        assertThat(problem.get("type").asText()).endsWith("/eligibility-excluded");
        assertThat(problem.get("detail").asText()).contains("Child and adolescent psychiatry");
        assertThat(problem.at("/eligibility/criteria/0/criterion").asText()).isEqualTo("EXCLUSION");
        assertThat(mongo.getCollection("referrals").countDocuments()).isEqualTo(before);
    }

    @Test
    void aSoftFailureIsSentOnlyWithTheReferrersReasonWhichOnlyTheDeliveringNgoReads() throws Exception {
        String tooYoung = complete("Bo").replace("020616-4111", "020620-4111");
        String id = Api.body(api.post("/api/referrals/drafts", teacher, tooYoung), 201).get("id").asText();

        HttpResponse<String> refused = api.post("/api/referrals/" + id + "/submit", teacher, "{}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Contracts.parse(refused.body()).get("type").asText()).endsWith("/eligibility-override-required");

        JsonNode submitted = Api.body(api.post("/api/referrals/" + id + "/submit", teacher,
                "{\"overrideReason\": \"Mature, and the group fits the family's situation\"}"), 200);
        assertThat(submitted.get("overriddenCriteria")).extracting(JsonNode::asText).containsExactly("AGE");

        TestConsents.grant(api, teacher, submitted, "URK_AAR", "CONCERNS", "CHILD_VIEW");
        String event = EventProbe.value(referralEvents.await(
                record -> new String(record.key(), StandardCharsets.UTF_8).equals(id)
                        && ReferralSubmitted.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE))));
        Contracts.assertMatchesSchema("referral-service", ReferralSubmitted.TYPE, event);
        assertThat(event).contains("\"overriddenCriteria\":[\"AGE\"]").doesNotContain("Mature");

        // No consent service runs beside this module: the NGO's read is denied what consent covers (rule 7), not failed.
        JsonNode asNgo = Api.body(api.get("/api/referrals/" + id + "/for-ngo",
                TestTokens.ngoCoordinator("coordinator", "URK_AAR")), 200);
        assertThat(asNgo.get("overriddenCriteria")).extracting(JsonNode::asText).containsExactly("AGE");
        assertThat(asNgo.has("overrideReason")).isFalse();
        assertThat(asNgo.has("childView")).isFalse();
        assertThat(asNgo.get("withheld")).extracting(JsonNode::asText)
                .containsExactly("CONTACT", "SCHOOL", "FAMILY_SITUATION", "CONCERNS", "CHILD_VIEW");
        assertThat(asNgo.get("withheldBecause").asText()).isEqualTo("CONSENT_SERVICE_UNAVAILABLE");
        assertThat(asNgo.toString()).doesNotContain("Bo", "Hansen", "020620", "Mature");
        assertThat(api.get("/api/referrals/" + id + "/for-ngo", TestTokens.ngoCoordinator("other", "URK_KBH"))
                .statusCode()).isEqualTo(404);
        assertThat(api.get("/api/referrals/" + id + "/for-ngo", teacher).statusCode()).isEqualTo(403);
    }

    @Test
    void anOfferTheMunicipalityCannotReferToIsRefusedEvenInADraft() throws Exception {
        HttpResponse<String> response = api.post("/api/referrals/drafts", teacher,
                "{\"interventionCode\": \"STROEM\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"interventionCode\"");
    }

    /** A complete referral of a boy born 2 June 2016 (ten years old in late 2026) to Powerkids. */
    static String complete(String firstName) {
        return """
                {"child": {"cpr": "020616-4111", "firstName": "%s", "lastName": "Hansen", "gender": "BOY"},
                 "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"],
                 "childView": {"whatIsHard": "Mor og far skændes", "wishes": "At tale med nogen"},
                 "overrideReason": null}""".formatted(firstName);
    }
}
