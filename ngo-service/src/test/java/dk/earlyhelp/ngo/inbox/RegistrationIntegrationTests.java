package dk.earlyhelp.ngo.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Children who come without a municipal referral (issue 4), on the real broker and store: the
 * coordinator registers them where the collaboration model lets the NGO recruit (B1, B3), they
 * enter the same inbox as referred children, and {@code ngo.referral-received.v1} says their source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class RegistrationIntegrationTests {

    /** GirlTalk's EmpowR with Egedal: model B3, both recruit. */
    static final String GIRLTALK = TestTokens.ngoCoordinator("coordinator-girltalk", "GIRLTALK");
    /** NEFOS's counselling with Nyborg and Kerteminde: model B1, both recruit. */
    static final String NEFOS = TestTokens.ngoCoordinator("coordinator-nefos", "NEFOS");
    /** Red Cross Youth's PowerKids with Aarhus: model B2, the municipality recruits. */
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");

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

    @Test
    void childFromParentsOwnContactEntersTheInboxAndIsAnnouncedWithItsSource() throws Exception {
        HttpResponse<String> response = register(GIRLTALK, """
                {"interventionCode": "EMPOWR", "municipalityCode": "0240", "source": "PARENT_CONTACT",
                 "childAge": 14, "childGender": "GIRL", "concerns": ["LONELINESS", "ANXIETY"],
                 "postcode": "2820", "languages": ["ar"], "urgency": "HIGH"}""");

        JsonNode registered = Api.body(response, 201);
        String referralId = registered.get("referralId").asText();
        assertThat(registered.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(registered.get("source").asText()).isEqualTo("PARENT_CONTACT");
        assertThat(registered.get("childId").asText()).as("a pseudonym of the NGO's own").isNotBlank();
        JsonNode inInbox = find(Api.body(api().get("/api/ngo/inbox", GIRLTALK), 200), referralId);
        assertThat(inInbox.get("childAge").asInt()).isEqualTo(14);
        assertThat(inInbox.get("childPostcode").asText()).isEqualTo("2820");
        assertThat(inInbox.get("childLanguages").toString()).isEqualTo("[\"ar\"]");
        assertThat(inInbox.get("municipalityCode").asText()).isEqualTo("0240");

        ConsumerRecord<byte[], byte[]> received = ngoEvents.await(record -> is(record, referralId,
                "ngo.referral-received.v1"));
        String data = EventProbe.value(received);
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-received.v1", data);
        assertThat(Contracts.parse(data).get("source").asText()).isEqualTo("PARENT_CONTACT");
        assertThat(Contracts.parse(data).get("municipalityCode").asText()).isEqualTo("0240");
        assertThat(fieldNames(data)).as("the example shows every field")
                .containsExactlyInAnyOrderElementsOf(fieldNames(Contracts.example("ngo-service",
                        "ngo.referral-received.v1")));
        assertThat(Contracts.parse(data).get("childId").asText()).as("the pseudonym, for the consent service")
                .isEqualTo(registered.get("childId").asText());
        assertThat(data).doesNotContain("2820", "LONELINESS", "\"ar\"", "\"GIRL\"");
        assertThat(mongo.find(Query.query(Criteria.where("resourceId").is(referralId)), AuditRecord.class))
                .extracting(AuditRecord::action, AuditRecord::actor).contains(tuple("CREATE", "coordinator-girltalk"));

        // From here the child follows the referred children's flow: decided on, waitlisted, announced.
        Api.body(api().post("/api/ngo/inbox/" + referralId + "/decision", GIRLTALK,
                "{\"decision\": \"WAITLISTED\", \"expectedStart\": \"2027-02-01\"}"), 200);
        ngoEvents.await(record -> is(record, referralId, "ngo.referral-decided.v1"));
    }

    @Test
    void outreachIsRegisteredUnderRecruitmentPartnershipB1() throws Exception {
        JsonNode registered = Api.body(register(NEFOS, """
                {"interventionCode": "NEFOS_SUICIDE", "municipalityCode": "0461", "source": "NGO_OUTREACH",
                 "childAge": 12, "childGender": "BOY", "concerns": ["RELATIVE_SUICIDAL_BEHAVIOUR"]}"""), 201);

        String referralId = registered.get("referralId").asText();
        assertThat(registered.get("urgency").asText()).isEqualTo("NORMAL");
        ConsumerRecord<byte[], byte[]> received = ngoEvents.await(record -> is(record, referralId,
                "ngo.referral-received.v1"));
        assertThat(Contracts.parse(EventProbe.value(received)).get("source").asText()).isEqualTo("NGO_OUTREACH");
    }

    @Test
    void aModelWhereOnlyTheMunicipalityRecruitsIsRefusedAndNothingIsStored() throws Exception {
        HttpResponse<String> refused = register(POWERKIDS, """
                {"interventionCode": "POWERKIDS", "municipalityCode": "0751", "source": "PARENT_CONTACT",
                 "childAge": 10, "childGender": "GIRL", "concerns": ["PARENTAL_DIVORCE"]}""");

        JsonNode problem = Api.body(refused, 422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(problem.get("type").asText()).endsWith("/ngo-may-not-recruit");
        assertThat(problem.get("model").asText()).isEqualTo("B2_PARTNERSHIP_DELIVERY");
        assertThat(problem.get("detail").asText()).contains("POWERKIDS-0751");
        assertThat(mongo.count(Query.query(Criteria.where("interventionCode").is("POWERKIDS")
                .and("source").in("PARENT_CONTACT", "NGO_OUTREACH")), InboxReferral.class)).isZero();
    }

    @Test
    void anotherNgosOfferAndOtherRolesAreForbidden() throws Exception {
        String empowr = """
                {"interventionCode": "EMPOWR", "municipalityCode": "0240", "source": "PARENT_CONTACT",
                 "childAge": 14, "childGender": "GIRL", "concerns": ["LONELINESS"]}""";

        HttpResponse<String> otherNgo = register(NEFOS, empowr);
        HttpResponse<String> teacher = register(TestTokens.municipalStaff("teacher", "0240"), empowr);

        assertThat(Api.body(otherNgo, 403).get("type").asText()).endsWith("/not-your-intervention");
        assertThat(teacher.statusCode()).isEqualTo(403);
        assertThat(mongo.count(Query.query(Criteria.where("interventionCode").is("EMPOWR")
                .and("ngoCode").ne("GIRLTALK")), InboxReferral.class)).isZero();
    }

    @Test
    void invalidFieldsAreEachNamedAndANameIsNoField() throws Exception {
        JsonNode problem = Api.body(register(GIRLTALK, """
                {"interventionCode": "EMPOWR", "municipalityCode": "0240", "source": "MUNICIPAL_REFERRAL",
                 "childAge": 25, "childGender": "X", "concerns": [], "postcode": "28", "languages": ["arabic"]}"""),
                400);
        assertThat(problem.get("errors").findValuesAsText("field"))
                .contains("childAge", "childGender", "concerns", "postcode");
        assertThat(problem.get("errors").toString()).contains("languages");

        JsonNode municipal = Api.body(register(GIRLTALK, """
                {"interventionCode": "EMPOWR", "municipalityCode": "0240", "source": "MUNICIPAL_REFERRAL",
                 "childAge": 14, "childGender": "GIRL", "concerns": ["LONELINESS"]}"""), 400);
        assertThat(municipal.get("errors").findValuesAsText("field")).containsExactly("source");

        JsonNode elsewhere = Api.body(register(GIRLTALK, """
                {"interventionCode": "EMPOWR", "municipalityCode": "0751", "source": "PARENT_CONTACT",
                 "childAge": 14, "childGender": "GIRL", "concerns": ["LONELINESS"]}"""), 400);
        assertThat(elsewhere.get("errors").findValuesAsText("field")).containsExactly("municipalityCode");

        JsonNode named = Api.body(register(GIRLTALK, """
                {"interventionCode": "EMPOWR", "municipalityCode": "0240", "source": "PARENT_CONTACT",
                 "childAge": 14, "childGender": "GIRL", "concerns": ["LONELINESS"], "childName": "Alma"}"""), 400);
        assertThat(named.toString()).contains("childName").doesNotContain("Alma");
    }

    @Test
    void aSafetyExclusionOfTheOfferIsRefusedNamingWhereTheChildMustGo() throws Exception {
        JsonNode problem = Api.body(register(NEFOS, """
                {"interventionCode": "NEFOS_SUICIDE", "municipalityCode": "0410", "source": "PARENT_CONTACT",
                 "childAge": 15, "childGender": "GIRL", "concerns": ["RELATIVE_SUICIDAL_BEHAVIOUR",
                 "OWN_SUICIDE_ATTEMPT"]}"""), 422);

        assertThat(problem.get("type").asText()).endsWith("/safety-exclusion");
        assertThat(problem.get("referTo").asText()).contains("psychiatry");
    }

    @Test
    void theEndOfTheParentsConsentLeavesTheChildTheNgoRegisteredAsItWasAndIsConfirmed() throws Exception {
        JsonNode registered = Api.body(register(GIRLTALK, """
                {"interventionCode": "EMPOWR", "municipalityCode": "0240", "source": "PARENT_CONTACT",
                 "childAge": 13, "childGender": "GIRL", "concerns": ["LONELINESS"], "postcode": "2820"}"""), 201);
        String referralId = registered.get("referralId").asText();
        String childId = registered.get("childId").asText();
        String consentId = UUID.randomUUID().toString();
        ObjectNode withdrawn = (ObjectNode) Contracts.parse(Contracts.example("consent-service", "consent.withdrawn.v1"));
        withdrawn.put("consentId", consentId).put("childId", childId).put("municipalityCode", "0240")
                .put("wasActive", true).put("refused", false).remove("referralId");
        withdrawn.putArray("grantees").add("GIRLTALK");
        Contracts.assertMatchesSchema("consent-service", "consent.withdrawn.v1", withdrawn.toString());

        EventProbe.publishEvent("consent.events", "consent.withdrawn.v1", UUID.randomUUID().toString(),
                childId, withdrawn.toString());

        // The parents sought the offer themselves: the NGO keeps serving the child; only the consent's sharing ends.
        JsonNode confirmation = Contracts.parse(EventProbe.value(ngoEvents.await(record ->
                "ngo.erasure-confirmed.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE))
                        && Contracts.parse(EventProbe.value(record)).get("consentId").asText().equals(consentId))));
        assertThat(confirmation.get("itemsErased").asInt()).isZero();
        JsonNode inInbox = find(Api.body(api().get("/api/ngo/inbox", GIRLTALK), 200), referralId);
        assertThat(inInbox.get("childAge").asInt()).isEqualTo(13);
        assertThat(inInbox.get("concerns").toString()).contains("LONELINESS");
        assertThat(inInbox.has("consentWithdrawnAt")).isFalse();
    }

    private HttpResponse<String> register(String token, String json) throws Exception {
        return api().post("/api/ngo/inbox", token, json);
    }

    private Api api() {
        if (api == null) {
            api = new Api(port);
        }
        return api;
    }

    private static JsonNode find(JsonNode items, String referralId) {
        for (JsonNode item : items) {
            if (item.get("referralId").asText().equals(referralId)) {
                return item;
            }
        }
        throw new AssertionError("No inbox item for " + referralId);
    }

    private static List<String> fieldNames(String json) {
        List<String> names = new ArrayList<>();
        Contracts.parse(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean is(ConsumerRecord<byte[], byte[]> record, String referralId, String type) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(referralId)
                && type.equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }
}
