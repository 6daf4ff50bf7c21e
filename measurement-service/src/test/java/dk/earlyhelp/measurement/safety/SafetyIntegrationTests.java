package dk.earlyhelp.measurement.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
import dk.earlyhelp.measurement.enrolment.TestCourses;
import dk.earlyhelp.measurement.enrolment.TestCourses.Course;
import dk.earlyhelp.measurement.response.Response;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * instrument.json's safety rule through the real API and store: a worrying answer raises the
 * coordinators' concern task at once, whatever the consent state; answers just below do not; a task
 * left unacknowledged is escalated and shown to administrators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SafetyIntegrationTests {

    static final String MENTOR = "frivillig-s";
    static final String VOLUNTEER = TestCourses.ngoUser(MENTOR, "VOLUNTEER", "URK_AAR");
    static final String COORDINATOR = TestCourses.ngoUser("koordinator-s", "NGO_COORDINATOR", "URK_AAR");
    static final String OTHER_NGO = TestCourses.ngoUser("koordinator-o", "NGO_COORDINATOR", "SIND_PR");
    static final String ADMIN = TestTokens.issue("admin-s", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM",
            "org", "PLATFORM"));

    @LocalServerPort
    int port;
    @Autowired
    Catalogue catalogue;
    @Autowired
    MongoTemplate mongo;
    Api api;

    @BeforeEach
    void catalogue() {
        TestCatalogue.published(catalogue);
        api = new Api(port);
    }

    @Test
    void aSelfHarmScoreOfThreeRaisesAConcernTaskForTheCoordinatorsEvenWithoutAConsentForStatistics()
            throws Exception {
        Course course = measured("OUTCOME_MEASUREMENT");

        JsonNode submitted = answer(course, "{\"PSY_1\": 2, \"SH_1\": 3, \"SH_2\": 3, \"SH_3\": 3}", 200);
        assertThat(submitted.get("concernRaised").asBoolean()).isTrue();

        JsonNode task = taskOf(course, COORDINATOR);
        assertThat(task.get("reasons").toString()).isEqualTo("[\"SELF_HARM\"]");
        assertThat(task.get("status").asText()).isEqualTo("OPEN");
        assertThat(task.get("occasion").asText()).isEqualTo("BEFORE");
        assertThat(task.get("ngoCode").asText()).isEqualTo("URK_AAR");
        LocalDate dueOn = LocalDate.parse(task.get("conversationDueOn").asText());
        assertThat(dueOn).isBetween(LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(2),
                LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(4));
        assertThat(dueOn.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(tasks(OTHER_NGO)).noneMatch(other -> other.get("referralId").asText().equals(course.referralId()));
        assertThat(api.get("/api/measurements/concern-tasks", VOLUNTEER).statusCode()).isEqualTo(403);
        assertThat(mongo.count(Query.query(Criteria.where("enrolmentRef").is(course.referralId())), Response.class))
                .as("the answers are collected under OUTCOME_MEASUREMENT").isEqualTo(1);

        String id = task.get("id").asText();
        assertThat(api.post("/api/measurements/concern-tasks/" + id + "/acknowledgement", OTHER_NGO, "").statusCode())
                .as("another NGO's task, like a missing one").isEqualTo(404);
        JsonNode acknowledged = Api.body(api.post("/api/measurements/concern-tasks/" + id + "/acknowledgement",
                COORDINATOR, ""), 200);
        assertThat(acknowledged.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        Api.body(api.post("/api/measurements/concern-tasks/" + id + "/decision", COORDINATOR,
                "{\"decision\": \"SOMETHING\"}"), 400);
        JsonNode decided = Api.body(api.post("/api/measurements/concern-tasks/" + id + "/decision", COORDINATOR,
                "{\"decision\": \"NOTIFY_MUNICIPALITY\"}"), 200);
        assertThat(decided.get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("decision").asText()).isEqualTo("NOTIFY_MUNICIPALITY");
        Api.body(api.post("/api/measurements/concern-tasks/" + id + "/decision", COORDINATOR,
                "{\"decision\": \"NO_NOTIFICATION\"}"), 409);
    }

    @Test
    void oneGraveItemAnsweredFourIsEnoughAlone() throws Exception {
        Course course = measured("OUTCOME_MEASUREMENT", "EVALUATION_STATISTICS");

        assertThat(answer(course, "{\"SH_2\": 4}", 200).get("concernRaised").asBoolean()).isTrue();
        assertThat(taskOf(course, COORDINATOR).get("reasons").toString()).isEqualTo("[\"SH_2\"]");
    }

    @Test
    void answersJustBelowTheRuleRaiseNothing() throws Exception {
        Course course = measured("OUTCOME_MEASUREMENT", "EVALUATION_STATISTICS");

        // A mean of 2.67, and a 4 on an item that is not grave alone with too few items for a score.
        assertThat(answer(course, "{\"SH_1\": 3, \"SH_2\": 3, \"SH_3\": 2}", 200).get("concernRaised").asBoolean())
                .isFalse();
        assertThat(answer(course, "{\"SH_1\": 4}", 200).get("concernRaised").asBoolean()).isFalse();
        assertThat(tasks(COORDINATOR)).noneMatch(task -> task.get("referralId").asText().equals(course.referralId()));
    }

    @Test
    void aWorryingAnswerWithoutAnyConsentToMeasureStillRaisesTheConcernButKeepsNothing() throws Exception {
        Course course = measured("REFERRAL_AND_DELIVERY");
        String before = "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BEFORE";

        JsonNode refused = Api.body(api.put(before + "/answers", VOLUNTEER, "{\"answers\": {\"SH_2\": 4}}"), 403);
        assertThat(refused.get("type").asText()).endsWith("/consent-required");
        assertThat(refused.get("concernRaised").asBoolean()).isTrue();
        assertThat(taskOf(course, COORDINATOR).get("reasons").toString()).isEqualTo("[\"SH_2\"]");
        assertThat(Api.body(api.get(before, VOLUNTEER), 200).get("answers").isEmpty()).isTrue();
        assertThat(mongo.count(Query.query(Criteria.where("enrolmentRef").is(course.referralId())), Response.class))
                .isZero();
    }

    @Test
    void whileTheChildAnswersAGraveItemRaisesTheConcernBeforeTheSubmission() throws Exception {
        Course course = measured("OUTCOME_MEASUREMENT");
        String before = "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BEFORE";

        Api.body(api.put(before + "/answers", VOLUNTEER, "{\"answers\": {\"SH_1\": 3, \"SH_2\": 3}}"), 200);
        assertThat(tasks(COORDINATOR)).as("a score of 3.0 from 2 of 3 items may still fall with the third")
                .noneMatch(task -> task.get("referralId").asText().equals(course.referralId()));
        Api.body(api.put(before + "/answers", VOLUNTEER, "{\"answers\": {\"SUI_2\": null, \"SH_3\": 4}}"), 400);
        Api.body(api.put(before + "/answers", VOLUNTEER, "{\"answers\": {\"SH_3\": 4}}"), 200);
        assertThat(taskOf(course, COORDINATOR).get("reasons").toString()).isEqualTo("[\"SELF_HARM\"]");

        Api.body(api.put(before + "/answers", VOLUNTEER, "{\"answers\": {\"SH_2\": 4}}"), 200);
        Api.body(api.post(before + "/submission", VOLUNTEER, ""), 200);
        assertThat(tasks(COORDINATOR)).filteredOn(task -> task.get("referralId").asText().equals(course.referralId()))
                .as("one task for the one submission, with every reason").singleElement()
                .satisfies(task -> assertThat(task.get("reasons").toString()).isEqualTo("[\"SELF_HARM\",\"SH_2\"]"));
    }

    @Test
    void aTaskNotAcknowledgedInTimeIsEscalatedToAdministrators() throws Exception {
        Course seen = measured("OUTCOME_MEASUREMENT");
        answer(seen, "{\"SH_2\": 4}", 200);
        String seenTask = taskOf(seen, COORDINATOR).get("id").asText();
        Api.body(api.post("/api/measurements/concern-tasks/" + seenTask + "/acknowledgement", COORDINATOR, ""), 200);
        Course unseen = measured("OUTCOME_MEASUREMENT");
        answer(unseen, "{\"SH_1\": 4, \"SH_3\": 4}", 200);

        JsonNode escalated = await().atMost(Duration.ofSeconds(30)).until(
                () -> tasks(ADMIN).stream().filter(task -> task.get("referralId").asText().equals(unseen.referralId()))
                        .findFirst().orElse(null),
                task -> task != null);
        assertThat(escalated.get("escalated").asBoolean()).isTrue();
        assertThat(escalated.get("escalationReason").asText()).isEqualTo("NOT_ACKNOWLEDGED");
        assertThat(taskOf(unseen, COORDINATOR).get("escalated").asBoolean()).as("the coordinators see the flag too")
                .isTrue();
        assertThat(taskOf(seen, COORDINATOR).get("escalated").asBoolean()).as("acknowledged in time").isFalse();
        assertThat(tasks(ADMIN)).allMatch(task -> task.get("escalated").asBoolean());
    }

    /** A POWERKIDS child (the partnership added SELF_HARM) with a consent naming the NGO for the purposes. */
    private Course measured(String... purposes) throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        TestCourses.started(course, 0, api, VOLUNTEER, MENTOR);
        TestCourses.granted(course, "URK_AAR", purposes);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("childId")
                .is(course.childId())), "evaluationConsents"));
        return course;
    }

    private JsonNode answer(Course course, String answers, int expectedStatus) throws Exception {
        String before = "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BEFORE";
        Api.body(api.put(before + "/answers", VOLUNTEER, "{\"answers\": " + answers + "}"), 200);
        return Api.body(api.post(before + "/submission", VOLUNTEER, ""), expectedStatus);
    }

    private List<JsonNode> tasks(String token) throws Exception {
        List<JsonNode> tasks = new java.util.ArrayList<>();
        Api.body(api.get("/api/measurements/concern-tasks", token), 200).forEach(tasks::add);
        return tasks;
    }

    private JsonNode taskOf(Course course, String token) throws Exception {
        return tasks(token).stream().filter(task -> task.get("referralId").asText().equals(course.referralId()))
                .findFirst().orElseThrow(() -> new AssertionError("No concern task for the course"));
    }
}
