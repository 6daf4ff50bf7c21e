package dk.earlyhelp.ngo.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/** The coordinator's register of volunteers and staff over real HTTP: statuses with history, validation, scope, demo people. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class VolunteerIntegrationTests {

    static final String NEFOS = TestTokens.ngoCoordinator("coordinator-nefos", "NEFOS");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DemoVolunteers demo;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void coordinatorAddsAPersonAndMovesThemThroughOnboardingWithHistory() throws Exception {
        HttpResponse<String> created = api.post("/api/ngo/volunteers", NEFOS, person("Frivillig A", 1, null, ""));
        JsonNode person = Api.body(created, 201);
        String id = person.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/ngo/volunteers/" + id);
        assertThat(person.get("status").asText()).isEqualTo("APPLICANT");
        assertThat(person.at("/statusHistory/0/by").asText()).isEqualTo("coordinator-nefos");

        Api.body(api.post("/api/ngo/volunteers/" + id + "/status", NEFOS, "{\"status\": \"ONBOARDING\"}"), 200);
        JsonNode active = Api.body(api.post("/api/ngo/volunteers/" + id + "/status", NEFOS, "{\"status\": \"ACTIVE\"}"), 200);
        assertThat(statuses(active)).containsExactly("APPLICANT", "ONBOARDING", "ACTIVE");
        HttpResponse<String> backwards = api.post("/api/ngo/volunteers/" + id + "/status", NEFOS,
                "{\"status\": \"APPLICANT\"}");
        assertThat(backwards.statusCode()).as(backwards.body()).isEqualTo(409);

        JsonNode updated = Api.body(api.put("/api/ngo/volunteers/" + id, NEFOS,
                person("Frivillig A", 2, certificate(TODAY.minusDays(100), TODAY.plusDays(600)), "")), 200);
        assertThat(updated.get("capacity").asInt()).isEqualTo(2);
        assertThat(updated.get("freeCapacity").asInt()).isEqualTo(2);
        assertThat(updated.get("certificateValidToday").asBoolean()).isTrue();
        assertThat(updated.get("status").asText()).as("a profile update keeps the status").isEqualTo("ACTIVE");
        assertThat(statuses(updated)).hasSize(3);
        assertThat(Api.body(api.get("/api/ngo/volunteers/" + id, NEFOS), 200)).isEqualTo(updated);
        assertThat(ids(Api.body(api.get("/api/ngo/volunteers?intervention=NEFOS_SUICIDE&status=ACTIVE", NEFOS), 200)))
                .contains(id);
    }

    @Test
    void eachStatusAPersonEntersIsPublishedWithoutTheirName() throws Exception {
        try (EventProbe ngoEvents = EventProbe.on("ngo.events")) {
            String id = Api.body(api.post("/api/ngo/volunteers", NEFOS, person("Frivillig Navnløs", 1, null, "")), 201)
                    .get("id").asText();
            Api.body(api.post("/api/ngo/volunteers/" + id + "/status", NEFOS, "{\"status\": \"LEFT\"}"), 200);

            List<String> published = List.of("APPLICANT", "LEFT").stream().map(status -> EventProbe.value(
                    ngoEvents.await(record -> id.equals(new String(record.key(), StandardCharsets.UTF_8))
                            && EventProbe.value(record).contains("\"" + status + "\"")))).toList();

            for (String event : published) {
                Contracts.assertMatchesSchema("ngo-service", "ngo.volunteer-status-changed.v1", event);
                assertThat(event).contains("\"ngoCode\":\"NEFOS\"", "\"kind\":\"VOLUNTEER\"")
                        .doesNotContain("Navnløs");
            }
        }
    }

    @Test
    void invalidFieldsAreNamed() throws Exception {
        HttpResponse<String> invalid = api.post("/api/ngo/volunteers", NEFOS, """
                {"displayName": " ", "kind": "VOLUNTEER", "qualification": "PROFESSIONAL", "capacity": -1,
                 "languages": ["dansk"], "postcode": "DK-8000",
                 "childProtectionCertificate": {"checkedOn": "2026-01-01", "validUntil": "2025-01-01"}}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"displayName\"", "\"field\":\"capacity\"",
                "\"field\":\"languages[0]\"", "\"field\":\"postcode\"",
                "\"field\":\"childProtectionCertificate.validUntil\"");

        HttpResponse<String> othersIntervention = api.post("/api/ngo/volunteers", NEFOS,
                person("Frivillig B", 1, null, "").replace("NEFOS_SUICIDE", "POWERKIDS"));
        assertThat(othersIntervention.statusCode()).isEqualTo(400);
        assertThat(othersIntervention.body()).contains("\"field\":\"interventionCodes\"");

        HttpResponse<String> startsPaused = api.post("/api/ngo/volunteers", NEFOS,
                person("Frivillig B", 1, null, ", \"status\": \"PAUSED\""));
        assertThat(startsPaused.statusCode()).isEqualTo(400);
        assertThat(startsPaused.body()).contains("\"field\":\"status\"");

        String id = Api.body(api.post("/api/ngo/volunteers", NEFOS, person("Frivillig B", 1, null, "")), 201)
                .get("id").asText();
        HttpResponse<String> statusByUpdate = api.put("/api/ngo/volunteers/" + id, NEFOS,
                person("Frivillig B", 1, null, ", \"status\": \"ACTIVE\""));
        assertThat(statusByUpdate.statusCode()).isEqualTo(400);
        assertThat(statusByUpdate.body()).contains("\"field\":\"status\"");
    }

    @Test
    void anotherNgosPeopleAreInvisibleAndMunicipalUsersHaveNoAccess() throws Exception {
        String id = Api.body(api.post("/api/ngo/volunteers", NEFOS, person("Frivillig C", 1, null, "")), 201)
                .get("id").asText();

        assertThat(api.get("/api/ngo/volunteers/" + id, POWERKIDS).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/ngo/volunteers/" + id, POWERKIDS,
                person("Frivillig C", 1, null, "").replace("NEFOS_SUICIDE", "POWERKIDS")).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/ngo/volunteers/" + id + "/status", POWERKIDS, "{\"status\": \"ONBOARDING\"}")
                .statusCode()).isEqualTo(404);
        assertThat(ids(Api.body(api.get("/api/ngo/volunteers", POWERKIDS), 200))).doesNotContain(id);
        String teacher = TestTokens.municipalStaff("teacher", "0461");
        assertThat(api.get("/api/ngo/volunteers", teacher).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/ngo/volunteers/" + id, teacher).statusCode()).isEqualTo(403);
    }

    @Test
    void theDemoGivesEachInterventionItsPeopleOnce() throws Exception {
        JsonNode powerkids = Api.body(api.get("/api/ngo/volunteers?intervention=POWERKIDS", POWERKIDS), 200);
        List<JsonNode> people = new ArrayList<>();
        powerkids.forEach(people::add);

        assertThat(people).hasSize(6).allSatisfy(person -> {
            assertThat(person.get("id").asText()).startsWith("demo-powerkids-v");
            assertThat(person.get("displayName").asText()).matches("Frivillig \\d \\(Powerkids\\)");
            assertThat(person.get("availability")).isNotEmpty();
        });
        assertThat(people).filteredOn(person -> person.get("status").asText().equals("PAUSED")).hasSize(1);
        assertThat(people).filteredOn(person -> person.get("status").asText().equals("ONBOARDING")).hasSize(1);
        assertThat(people).filteredOn(person -> person.get("status").asText().equals("ACTIVE")
                && !person.get("certificateValidToday").asBoolean()).hasSize(1);

        long before = demoPeople();
        demo.run(null);
        assertThat(demoPeople()).as("a restart adds nobody").isEqualTo(before).isEqualTo(6 + 12 + 10 + 6 + 30 + 15 + 4 + 4);
    }

    private long demoPeople() {
        return mongo.count(Query.query(Criteria.where("_id").regex("^demo-")), Volunteer.class);
    }

    /** A person on NEFOS' intervention; {@code extra} adds fields to the JSON. */
    static String person(String name, int capacity, String certificate, String extra) {
        return """
                {"displayName": "%s", "kind": "VOLUNTEER", "qualification": "PROFESSIONAL",
                 "languages": ["da", "en"], "interests": ["music"], "postcode": "5000",
                 "availability": ["TUE_EVENING", "SAT_DAYTIME"], "capacity": %d, "supervised": true,
                 "interventionCodes": ["NEFOS_SUICIDE"]%s%s}"""
                .formatted(name, capacity, certificate == null ? "" : ", \"childProtectionCertificate\": " + certificate,
                        extra);
    }

    static String certificate(LocalDate checkedOn, LocalDate validUntil) {
        return "{\"checkedOn\": \"%s\", \"validUntil\": \"%s\"}".formatted(checkedOn, validUntil);
    }

    private static List<String> statuses(JsonNode person) {
        List<String> statuses = new ArrayList<>();
        person.get("statusHistory").forEach(change -> statuses.add(change.get("status").asText()));
        return statuses;
    }

    private static List<String> ids(JsonNode people) {
        List<String> ids = new ArrayList<>();
        people.forEach(person -> ids.add(person.get("id").asText()));
        return ids;
    }
}
