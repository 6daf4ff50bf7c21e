package dk.earlyhelp.ngo.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * The platform administrator maintains the catalogue (issue 4) over real HTTP, on the real broker and
 * store: NGOs, municipalities, interventions and partnerships are added and changed, each change
 * is published as {@code ngo.intervention-published.v1} through the outbox, invalid descriptions
 * name every field, codes in use answer 409, anyone else answers 403 (audited), and a
 * partnership's terms change by versions that keep its history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class CatalogueAdministrationIntegrationTests {

    static final String ADMIN = TestTokens.issue("admin-catalogue", Map.of("roles", List.of("ADMIN"),
            "org_type", "PLATFORM", "org", "PLATFORM"));
    /** Frederiksberg: no partnership in the demo catalogue, so these tests' offers are the only ones there. */
    static final String FREDERIKSBERG = "0147";
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    static EventProbe ngoEvents;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DemoCatalogue demoCatalogue;

    @Autowired
    CatalogueAdministration administration;

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
    void frederiksbergIsInTheCatalogue() throws Exception {
        api = new Api(port);
        HttpResponse<String> added = api.post("/api/ngo/municipalities", ADMIN,
                "{\"code\": \"" + FREDERIKSBERG + "\", \"name\": \"Frederiksberg Kommune\"}");
        assertThat(added.statusCode()).as(added.body()).isIn(201, 409);
    }

    @Test
    void theAdministratorAddsAnNgoAnOfferAndAPartnershipAndEachChangeIsPublished() throws Exception {
        String ngo = code("NGO");
        String offer = code("OFFER");
        Api.body(api.post("/api/ngo/ngos", ADMIN, ngo(ngo, "Børnenes Netværk")), 201);
        assertThat(Api.body(api.get("/api/ngo/ngos", TestTokens.ngoCoordinator("anyone", "URK_AAR")), 200)
                .findValuesAsText("code")).contains(ngo, "URK_AAR");

        JsonNode added = Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(offer, ngo, "")), 201);
        assertThat(added.get("staircaseStep").asInt()).isEqualTo(2);
        JsonNode first = published(offer, data -> true);
        assertThat(first.get("municipalities").size()).as("offered nowhere yet").isZero();
        assertThat(first.get("ngoName").asText()).isEqualTo("Børnenes Netværk");
        assertThat(first.at("/targetGroup/ageMin").asInt()).isEqualTo(9);
        assertThat(first.at("/format/groupSizeMax").asInt()).isEqualTo(8);
        assertThat(first.get("staircaseStep").asInt()).isEqualTo(2);

        JsonNode partnership = Api.body(api.post("/api/ngo/partnerships", ADMIN, """
                {"interventionCode": "%s", "municipalityCode": "%s", "model": "B1_PARTNERSHIP_RECRUITMENT",
                 "progressSharing": "AGGREGATES_ONLY", "reason": "Samarbejdsaftale af 1. marts",
                 "steeringGroup": [{"name": "Lene Holm", "organisation": "Frederiksberg Kommune",
                                    "role": "Chef for Børn og Unge"}]}""".formatted(offer, FREDERIKSBERG)), 201);
        assertThat(partnership.get("id").asText()).isEqualTo(offer + "-" + FREDERIKSBERG);
        assertThat(partnership.get("ngoRecruits").asBoolean()).isTrue();
        assertThat(partnership.get("version").asInt()).isEqualTo(1);
        assertThat(partnership.get("since").asText()).isEqualTo(LocalDate.now(DENMARK).toString());
        assertThat(partnership.at("/steeringGroup/0/name").asText()).isEqualTo("Lene Holm");

        JsonNode offered = published(offer, data -> data.get("municipalities").size() == 1);
        assertThat(offered.get("models").toString()).isEqualTo("{\"" + FREDERIKSBERG + "\":\"B1_PARTNERSHIP_RECRUITMENT\"}");
        assertThat(offered.get("model").asText()).isEqualTo("B1_PARTNERSHIP_RECRUITMENT");
        assertThat(offered.get("progressSharing").toString()).isEqualTo("{\"" + FREDERIKSBERG + "\":\"AGGREGATES_ONLY\"}");
        assertThat(fieldNames(offered)).as("an offer the administrator made says all the example does")
                .isEqualTo(fieldNames(Contracts.parse(Contracts.example("ngo-service", InterventionPublished.TYPE))));
        assertThat(offered.toString()).as("the steering group stays here").doesNotContain("Lene Holm");

        Api.body(api.put("/api/ngo/interventions/" + offer, ADMIN, intervention(null, ngo, "")
                .replace("\"ageMin\": 9", "\"ageMin\": 10")), 200);
        assertThat(published(offer, data -> data.at("/targetGroup/ageMin").asInt() == 10).get("municipalities")
                .toString()).as("a new description keeps the partnerships").isEqualTo("[\"" + FREDERIKSBERG + "\"]");

        Api.body(api.put("/api/ngo/ngos/" + ngo, ADMIN, ngo(null, "Børnenes Netværk Hovedstaden")), 200);
        assertThat(published(offer, data -> data.get("ngoName").asText().equals("Børnenes Netværk Hovedstaden"))
                .at("/targetGroup/ageMin").asInt()).as("the NGO's offers are published again with its name")
                .isEqualTo(10);
        assertThat(mongo.findById(ngo, Ngo.class).republish()).as("the round is done").isEmpty();

        assertThat(mongo.find(Query.query(Criteria.where("actor").is("admin-catalogue")
                        .and("resourceId").in(ngo, offer, offer + "-" + FREDERIKSBERG)), AuditRecord.class))
                .extracting(AuditRecord::action, AuditRecord::resourceType, AuditRecord::resourceId)
                .contains(tuple("CREATE", "ngo", ngo), tuple("CREATE", "intervention", offer),
                        tuple("CREATE", "partnership", offer + "-" + FREDERIKSBERG),
                        tuple("UPDATE", "intervention", offer), tuple("UPDATE", "ngo", ngo));
    }

    @Test
    void aDescriptionThatDoesNotHoldTogetherNamesEveryFieldAndStoresNothing() throws Exception {
        String offer = code("BAD");
        String inconsistent = intervention(offer, "URK_AAR", "")
                .replace("\"sessions\": 8,", "")
                .replace("\"PSYCHOLOGICAL\"", "\"HAPPINESS\"")
                .replace("\"concerns\": [\"PARENTAL_DIVORCE\"]",
                        "\"concerns\": [\"PARENTAL_DIVORCE\", \"BOREDOM\"], \"excludes\": [\"OWN_SUICIDE_ATTEMPT\"], "
                                + "\"mustLiveOrStudyIn\": \"0999\"")
                .replace("\"types\": [\"GROUP\"]", "\"types\": [\"FAMILY\"]");

        JsonNode problem = Api.body(api.post("/api/ngo/interventions", ADMIN, inconsistent), 400);

        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("targetGroup.concerns", "targetGroup.excludedReferTo", "targetGroup.mustLiveOrStudyIn",
                "format.sessions", "types", "measures");
        assertThat(Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(offer, "URK_AAR", "")
                .replace("\"staircaseStep\": 2", "\"staircaseStep\": 8")), 400).get("errors")
                .findValuesAsText("field")).containsExactly("staircaseStep");
        assertThat(Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(offer, "URK_AAR", "")
                .replace("\"ageMax\": 13", "\"ageMax\": 30")), 400).get("errors").findValuesAsText("field"))
                .as("an age band of children and young people").containsExactly("targetGroup.ageMax");
        assertThat(Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(offer, "URK_AAR", "")
                .replace("\"ageMin\": 9", "\"ageMin\": 14")), 400).get("errors").findValuesAsText("field"))
                .as("an age band that can be met").containsExactly("targetGroup.ageMax");
        assertThat(Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(offer, "URK_AAR", "")
                .replace("\"kind\": \"GROUP_COURSE\"", "\"kind\": \"MENTORING\"")), 400).get("errors")
                .findValuesAsText("field")).as("a mentoring course has no sessions or groups, but a length")
                .contains("format.durationWeeks", "format.sessions", "format.groupSizeMax", "types");
        assertThat(Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(offer, "NO_SUCH_NGO", "")), 400)
                .get("errors").findValuesAsText("field")).containsExactly("ngoCode");
        assertThat(Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(null, "URK_AAR", "")), 400)
                .get("errors").findValuesAsText("field")).containsExactly("code");
        assertThat(mongo.findById(offer, Intervention.class)).isNull();

        assertThat(Api.body(api.put("/api/ngo/interventions/POWERKIDS", ADMIN, intervention(null, "URK_KBH", "")),
                400).get("errors").findValuesAsText("field")).as("an offer stays with its NGO").containsExactly("ngoCode");
        assertThat(api.put("/api/ngo/interventions/NO_SUCH_OFFER", ADMIN, intervention(null, "URK_AAR", ""))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aCodeInUseAnswers409() throws Exception {
        String ngo = code("TWICE");
        Api.body(api.post("/api/ngo/ngos", ADMIN, ngo(ngo, "Første")), 201);

        assertThat(Api.body(api.post("/api/ngo/ngos", ADMIN, ngo(ngo, "Anden")), 409).get("type").asText())
                .endsWith("/code-taken");
        assertThat(mongo.findById(ngo, Ngo.class).name()).isEqualTo("Første");
        assertThat(Api.body(api.post("/api/ngo/municipalities", ADMIN, "{\"code\": \"0751\", \"name\": \"Aarhus\"}"),
                409).get("type").asText()).endsWith("/code-taken");
        assertThat(Api.body(api.post("/api/ngo/interventions", ADMIN, intervention("POWERKIDS", "URK_AAR", "")), 409)
                .get("type").asText()).endsWith("/code-taken");
        assertThat(Api.body(api.post("/api/ngo/partnerships", ADMIN, """
                {"interventionCode": "POWERKIDS", "municipalityCode": "0751", "model": "B3_PARTNERSHIP_FULL"}"""), 409)
                .get("type").asText()).endsWith("/partnership-exists");
        assertThat(Api.body(api.get("/api/ngo/partnerships/POWERKIDS-0751", ADMIN), 200).get("model").asText())
                .isEqualTo("B2_PARTNERSHIP_DELIVERY");
        assertThat(Api.body(api.post("/api/ngo/partnerships", ADMIN, """
                {"interventionCode": "POWERKIDS", "municipalityCode": "0998", "model": "B3_PARTNERSHIP_FULL"}"""), 400)
                .get("errors").findValuesAsText("field")).containsExactly("municipalityCode");
    }

    @Test
    void onlyThePlatformsAdministratorMaintainsTheCatalogueAndEveryRefusalIsAudited() throws Exception {
        String municipalAdmin = TestTokens.issue("admin-aarhus", Map.of("roles", List.of("ADMIN"),
                "org_type", "MUNICIPALITY", "org", "0751"));
        String coordinator = TestTokens.ngoCoordinator("coordinator-catalogue", "URK_AAR");
        String teacher = TestTokens.municipalStaff("teacher-catalogue", "0751");
        String steering = TestTokens.issue("steering-catalogue", Map.of("roles", List.of("STEERING_GROUP"),
                "org_type", "MUNICIPALITY", "org", "0751", "partnerships", List.of("POWERKIDS-0751")));
        Instant before = Instant.now();

        for (String token : List.of(municipalAdmin, coordinator, teacher, steering)) {
            assertThat(api.put("/api/ngo/interventions/POWERKIDS", token, intervention(null, "URK_AAR", ""))
                    .statusCode()).isEqualTo(403);
            assertThat(api.post("/api/ngo/partnerships/POWERKIDS-0751/versions", token, """
                    {"model": "A_FUNCTIONAL_SPLIT", "progressSharing": "AGGREGATES_ONLY", "reason": "Forsøg"}""")
                    .statusCode()).isEqualTo(403);
            assertThat(api.get("/api/ngo/partnerships/POWERKIDS-0751/versions", token).statusCode()).isEqualTo(403);
            assertThat(api.put("/api/ngo/ngos/URK_AAR", token, ngo(null, "Overtaget")).statusCode()).isEqualTo(403);
            assertThat(api.post("/api/ngo/municipalities", token, "{\"code\": \"0153\", \"name\": \"Brøndby\"}")
                    .statusCode()).isEqualTo(403);
        }

        assertThat(Api.body(api.get("/api/ngo/partnerships/POWERKIDS-0751", ADMIN), 200).get("model").asText())
                .as("nothing changed").isEqualTo("B2_PARTNERSHIP_DELIVERY");
        assertThat(mongo.findById("URK_AAR", Ngo.class).name()).isEqualTo("Ungdommens Røde Kors Aarhus");
        assertThat(mongo.findById("0153", Municipality.class)).isNull();
        List<AuditRecord> denials = mongo.find(Query.query(Criteria.where("action").is("DENIED")
                .and("resourceType").is("endpoint").and("at").gte(before)), AuditRecord.class);
        for (String actor : List.of("admin-aarhus", "coordinator-catalogue", "teacher-catalogue", "steering-catalogue")) {
            assertThat(denials).filteredOn(denial -> denial.actor().equals(actor)).extracting(AuditRecord::resourceId)
                    .as(actor).contains("PUT /api/ngo/interventions/POWERKIDS",
                            "POST /api/ngo/partnerships/POWERKIDS-0751/versions",
                            "GET /api/ngo/partnerships/POWERKIDS-0751/versions", "PUT /api/ngo/ngos/URK_AAR",
                            "POST /api/ngo/municipalities");
        }
    }

    @Test
    void changingAModelAppendsAVersionAndTheHistoryKeepsTheCataloguesTerms() throws Exception {
        String id = "MENTORNETVAERKET-0561";
        Api.body(api.post("/api/ngo/partnerships/" + id + "/versions", ADMIN, """
                {"model": "B1_PARTNERSHIP_RECRUITMENT", "progressSharing": "PROGRESS_WITH_CONSENT",
                 "reason": "Styregruppen besluttede 3. november, at organisationen også opsøger børn"}"""), 201);
        JsonNode changed = Api.body(api.get("/api/ngo/partnerships/" + id, ADMIN), 200);

        assertThat(changed.get("model").asText()).isEqualTo("B1_PARTNERSHIP_RECRUITMENT");
        assertThat(changed.get("ngoRecruits").asBoolean()).isTrue();
        assertThat(changed.get("version").asInt()).isEqualTo(2);
        JsonNode history = Api.body(api.get("/api/ngo/partnerships/" + id + "/versions", ADMIN), 200);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("model").asText()).as("the catalogue's terms are kept").isEqualTo("A_FUNCTIONAL_SPLIT");
        assertThat(history.get(0).get("changedBy").asText()).isEqualTo("catalogue");
        assertThat(history.get(0).get("validFrom").isNull()).isTrue();
        assertThat(history.get(1).get("number").asInt()).isEqualTo(2);
        assertThat(history.get(1).get("model").asText()).isEqualTo("B1_PARTNERSHIP_RECRUITMENT");
        assertThat(history.get(1).get("changedBy").asText()).isEqualTo("admin-catalogue");
        assertThat(history.get(1).get("reason").asText()).startsWith("Styregruppen besluttede");
        assertThat(history.get(1).get("validFrom").asText()).isEqualTo(LocalDate.now(DENMARK).toString());
        assertThat(published("MENTORNETVAERKET", data -> "B1_PARTNERSHIP_RECRUITMENT".equals(data.path("models")
                .path("0561").asText())).get("model").asText()).isEqualTo("B1_PARTNERSHIP_RECRUITMENT");

        Api.body(api.post("/api/ngo/partnerships/" + id + "/versions", ADMIN, """
                {"model": "B1_PARTNERSHIP_RECRUITMENT", "progressSharing": "AGGREGATES_ONLY",
                 "reason": "Organisationen vil give børnene et fortroligt rum"}"""), 201);
        assertThat(Api.body(api.get("/api/ngo/partnerships/" + id + "/versions", ADMIN), 200))
                .extracting(version -> version.get("progressSharing").asText())
                .containsExactly("PROGRESS_WITH_CONSENT", "PROGRESS_WITH_CONSENT", "AGGREGATES_ONLY");
        assertThat(published("MENTORNETVAERKET", data -> "AGGREGATES_ONLY".equals(data.path("progressSharing")
                .path("0561").asText())).get("models").path("0561").asText()).isEqualTo("B1_PARTNERSHIP_RECRUITMENT");

        JsonNode same = Api.body(api.post("/api/ngo/partnerships/" + id + "/versions", ADMIN, """
                {"model": "B1_PARTNERSHIP_RECRUITMENT", "progressSharing": "AGGREGATES_ONLY", "reason": "Igen"}"""), 422);
        assertThat(same.get("type").asText()).endsWith("/terms-unchanged");
        assertThat(Api.body(api.post("/api/ngo/partnerships/" + id + "/versions", ADMIN, """
                {"model": "A_FUNCTIONAL_SPLIT", "progressSharing": "AGGREGATES_ONLY"}"""), 400).get("errors")
                .findValuesAsText("field")).as("a change says why").containsExactly("reason");
        assertThat(api.post("/api/ngo/partnerships/MENTORNETVAERKET-0751/versions", ADMIN, """
                {"model": "A_FUNCTIONAL_SPLIT", "progressSharing": "AGGREGATES_ONLY", "reason": "x"}""").statusCode())
                .isEqualTo(404);
        assertThat(Api.body(api.get("/api/ngo/partnerships/" + id + "/versions", ADMIN), 200)).hasSize(3);

        // The demo data loaded again (a restart) keeps what the administrator changed and publishes it.
        Api.body(api.put("/api/ngo/ngos/MENTOR_ESB", ADMIN, """
                {"name": "Mentornetværket Esbjerg/Varde", "staffing": "MOSTLY_VOLUNTEERS",
                 "volunteerQualification": "PERSONAL_FIT", "focus": "Børn og unge med flygtningebaggrund"}"""), 200);
        demoCatalogue.run(null);
        assertThat(Api.body(api.get("/api/ngo/partnerships/" + id + "/versions", ADMIN), 200)).hasSize(3);
        assertThat(mongo.findById("MENTOR_ESB", Ngo.class).focus()).isEqualTo("Børn og unge med flygtningebaggrund");
        assertThat(mongo.findById("POWERKIDS", Intervention.class).changedBy())
                .as("what nobody changed is refreshed from the file").isNull();
    }

    @Test
    void childrenInTheInboxKeepTheModelTheyCameUnderNewOnesFollowTheNewModel() throws Exception {
        String ngo = code("KEEP");
        String offer = code("KEEPOFFER");
        String coordinator = TestTokens.ngoCoordinator("coordinator-" + ngo, ngo);
        Api.body(api.post("/api/ngo/ngos", ADMIN, ngo(ngo, "Ventehjælpen")), 201);
        Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(offer, ngo, "")), 201);
        Api.body(api.post("/api/ngo/partnerships", ADMIN, """
                {"interventionCode": "%s", "municipalityCode": "%s", "model": "B3_PARTNERSHIP_FULL"}"""
                .formatted(offer, FREDERIKSBERG)), 201);
        String registration = """
                {"interventionCode": "%s", "municipalityCode": "%s", "source": "PARENT_CONTACT",
                 "childAge": 10, "childGender": "GIRL", "concerns": ["PARENTAL_DIVORCE"]}""".formatted(offer,
                FREDERIKSBERG);
        String referralId = Api.body(api.post("/api/ngo/inbox", coordinator, registration), 201).get("referralId")
                .asText();

        Api.body(api.post("/api/ngo/partnerships/" + offer + "-" + FREDERIKSBERG + "/versions", ADMIN, """
                {"model": "A_FUNCTIONAL_SPLIT", "progressSharing": "PROGRESS_WITH_CONSENT",
                 "reason": "Kommunen visiterer alle børn fra nytår"}"""), 201);

        assertThat(Api.body(api.post("/api/ngo/inbox", coordinator, registration), 422).get("type").asText())
                .as("a new child follows the new model").endsWith("/ngo-may-not-recruit");
        assertThat(Api.body(api.get("/api/ngo/inbox", coordinator), 200).findValuesAsText("referralId"))
                .as("the child who came under B3 stays").contains(referralId);
        Api.body(api.post("/api/ngo/inbox/" + referralId + "/decision", coordinator,
                "{\"decision\": \"ACCEPTED\"}"), 200);
    }

    @Test
    void anNgosRoundOfPublishingItsOffersAgainThatWasCutShortIsFinishedAtStart() throws Exception {
        String ngo = code("CUT");
        String offer = code("CUTOFFER");
        Api.body(api.post("/api/ngo/ngos", ADMIN, ngo(ngo, "Afbrudt")), 201);
        Api.body(api.post("/api/ngo/interventions", ADMIN, intervention(offer, ngo, "")), 201);
        // As if the service stopped right after the NGO's change was written, before its offer was published.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(ngo)), new org.springframework.data.mongodb.core
                .query.Update().set("name", "Genoptaget").set("republish", List.of(offer)), Ngo.class);

        administration.finishInterruptedRepublishing();

        assertThat(published(offer, data -> data.get("ngoName").asText().equals("Genoptaget")).get("interventionCode")
                .asText()).isEqualTo(offer);
        assertThat(mongo.findById(ngo, Ngo.class).republish()).isEmpty();
    }

    private JsonNode published(String code, Predicate<JsonNode> condition) {
        ConsumerRecord<byte[], byte[]> record = ngoEvents.await(candidate ->
                new String(candidate.key(), StandardCharsets.UTF_8).equals(code)
                        && InterventionPublished.TYPE.equals(EventProbe.header(candidate, CloudEventHeaders.TYPE))
                        && condition.test(Contracts.parse(EventProbe.value(candidate))));
        String data = EventProbe.value(record);
        Contracts.assertMatchesSchema("ngo-service", InterventionPublished.TYPE, data);
        return Contracts.parse(data);
    }

    /** A group course for children of divorce aged 9–13, on the staircase's second step. */
    static String intervention(String code, String ngo, String more) {
        return """
                {%s"name": "Skilsmissegruppen", "ngoCode": "%s", "types": ["GROUP"],
                 "targetGroup": {"ageMin": 9, "ageMax": 13, "concerns": ["PARENTAL_DIVORCE"]},
                 "format": {"kind": "GROUP_COURSE", "sessions": 8, "sessionEveryDays": 7, "groupSizeMax": 8,
                            "note": "Otte ugentlige samtaler i gruppe"},
                 "deliveredBy": "NGO", "measures": ["PSYCHOLOGICAL", "RELATIONAL"], "fidelityManual": true,
                 "staircaseStep": 2, "capacity": {"groupsPerTerm": 2}%s}""".formatted(
                code == null ? "" : "\"code\": \"" + code + "\", ", ngo, more);
    }

    static String ngo(String code, String name) {
        return """
                {%s"name": "%s", "staffing": "MOSTLY_VOLUNTEERS", "volunteerQualification": "PERSONAL_FIT",
                 "focus": "Børn i skilsmissefamilier"}""".formatted(code == null ? "" : "\"code\": \"" + code + "\", ",
                name);
    }

    /** A code of its own for each test (the store is shared by the test JVM). */
    static String code(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
