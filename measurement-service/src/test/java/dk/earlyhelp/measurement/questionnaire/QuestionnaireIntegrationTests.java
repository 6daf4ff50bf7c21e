package dk.earlyhelp.measurement.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
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

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
import dk.earlyhelp.measurement.enrolment.TestCourses;
import dk.earlyhelp.measurement.enrolment.TestCourses.Course;
import dk.earlyhelp.measurement.response.Occasion;
import dk.earlyhelp.measurement.response.Response;
import dk.earlyhelp.platform.test.Api;

/**
 * Answering on the real store: the questions are the partnership's dimensions, answers are saved
 * as the child goes and checked one by one, a submission becomes one response with the child's
 * pseudonym, age band and gender and ticks the checklist, and nothing is collected without consent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuestionnaireIntegrationTests {

    static final String MENTOR = "frivillig-q";
    static final String VOLUNTEER = TestCourses.ngoUser(MENTOR, "VOLUNTEER", "URK_AAR");
    static final String COORDINATOR = TestCourses.ngoUser("koordinator-q", "NGO_COORDINATOR", "URK_AAR");

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
    void theChildAnswersBeforeWithPausesAndTheSubmissionIsStoredAsOneResponse() throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        TestCourses.started(course, 2, api, VOLUNTEER, MENTOR);
        TestCourses.granted(course, "URK_AAR", "OUTCOME_MEASUREMENT", "EVALUATION_STATISTICS");
        String before = "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BEFORE";

        JsonNode questionnaire = Api.body(api.get(before, VOLUNTEER), 200);
        List<String> dimensions = questionnaire.get("questions").findValuesAsText("dimension");
        assertThat(dimensions).as("POWERKIDS' dimensions and the partnership's added SELF_HARM")
                .containsOnly("PSYCHOLOGICAL", "RELATIONAL", "COPING", "SELF_PERCEPTION", "SELF_HARM")
                .hasSize(23);
        JsonNode first = questionnaire.get("questions").get(0);
        assertThat(first.get("code").asText()).isEqualTo("PSY_1");
        assertThat(first.get("options").findValuesAsText("da")).containsExactly("Aldrig", "Sjældent", "Ofte", "Altid");

        await().atMost(Duration.ofSeconds(30)).until(() -> save(before, "{\"PSY_1\": 3}").statusCode() == 200);
        // The child pauses; later the volunteer opens it again and the child goes on.
        Api.body(save(before, "{\"PSY_2\": 4, \"REL_1\": \"2\"}"), 200);
        JsonNode resumed = Api.body(api.get(before, VOLUNTEER), 200);
        assertThat(resumed.get("answers").toString()).isEqualTo("{\"PSY_1\":3,\"PSY_2\":4,\"REL_1\":2}");

        JsonNode invalid = Api.body(save(before, "{\"PSY_3\": 2, \"PSY_4\": 5, \"SUI_1\": 1, \"SCH_1\": \"x\"}"), 400);
        assertThat(invalid.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("answers.PSY_4", "answers.SUI_1", "answers.SCH_1");
        assertThat(Api.body(api.get(before, VOLUNTEER), 200).get("answers").has("PSY_3"))
                .as("a request with a bad answer writes nothing").isFalse();
        Api.body(save(before, "{\"REL_1\": null}"), 200);

        JsonNode submitted = Api.body(api.post(before + "/submission", VOLUNTEER, ""), 200);
        assertThat(submitted.get("concernRaised").asBoolean()).isFalse();
        List<Response> stored = mongo.find(Query.query(Criteria.where("enrolmentRef").is(course.referralId())),
                Response.class);
        assertThat(stored).singleElement().satisfies(response -> {
            assertThat(response.partnership()).isEqualTo("POWERKIDS-0751");
            assertThat(response.occasion()).isEqualTo(Occasion.BEFORE);
            assertThat(response.childRef()).isEqualTo(course.childId());
            assertThat(response.childId()).isEqualTo(course.childId());
            assertThat(response.ageBand()).isEqualTo("10-12");
            assertThat(response.gender()).isEqualTo("GIRL");
            assertThat(response.answers()).containsOnlyKeys("PSY_1", "PSY_2");
            assertThat(response.answeredAt()).isEqualTo(LocalDate.now());
        });

        JsonNode checklist = Api.body(api.get(TestCourses.checklist(course), COORDINATOR), 200);
        JsonNode item = checklist.get("items").get(1);
        assertThat(item.get("kind").asText()).isEqualTo("BEFORE");
        assertThat(item.get("status").asText()).isEqualTo("DONE");
        assertThat(item.get("onTime").asBoolean()).isTrue();
        assertThat(item.get("answersSaved").asInt()).isZero();
        JsonNode again = Api.body(api.post(before + "/submission", VOLUNTEER, ""), 409);
        assertThat(again.get("type").asText()).endsWith("/nothing-to-submit");
    }

    @Test
    void backgroundQuestionsAreAnsweredYesNoOrUnknown() throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        TestCourses.started(course, 0, api, COORDINATOR);
        TestCourses.granted(course, "URK_AAR", "OUTCOME_MEASUREMENT");
        String background = "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BACKGROUND";

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.put(background + "/answers", COORDINATOR,
                        "{\"answers\": {\"BG_SECTION_52\": \"NO\", \"BG_EMOTIONAL\": \"UNKNOWN\"}}").statusCode() == 200);
        Api.body(api.put(background + "/answers", COORDINATOR, "{\"answers\": {\"BG_FAMILY\": \"MAYBE\"}}"), 400);
        Api.body(api.post(background + "/submission", COORDINATOR, ""), 200);

        assertThat(mongo.find(Query.query(Criteria.where("referralId").is(course.referralId())),
                BackgroundAnswers.class)).singleElement()
                .satisfies(answers -> assertThat(answers.answers()).containsEntry("BG_SECTION_52", "NO")
                        .containsEntry("BG_EMOTIONAL", "UNKNOWN").hasSize(2));
        JsonNode checklist = Api.body(api.get(TestCourses.checklist(course), COORDINATOR), 200);
        assertThat(checklist.get("items").get(0).get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void withoutAConsentToMeasureNoAnswerIsSaved() throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        TestCourses.started(course, 0, api, VOLUNTEER, MENTOR);
        TestCourses.granted(course, "URK_AAR", "REFERRAL_AND_DELIVERY");
        TestCourses.granted(course, "SIND_PR", "OUTCOME_MEASUREMENT");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(
                Query.query(Criteria.where("childId").is(course.childId())), "evaluationConsents") == 2);
        String before = "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BEFORE";

        JsonNode refused = Api.body(save(before, "{\"PSY_1\": 3}"), 403);
        assertThat(refused.get("type").asText()).endsWith("/consent-required");
        assertThat(Api.body(api.get(before, VOLUNTEER), 200).get("answers").isEmpty()).isTrue();
        Api.body(api.get("/api/measurements/enrolments/" + course.referralId() + "/questionnaires/FOLLOW_UP",
                VOLUNTEER), 409);
        Api.body(api.get("/api/measurements/enrolments/" + course.referralId() + "/questionnaires/SOMETIME",
                VOLUNTEER), 404);
    }

    private java.net.http.HttpResponse<String> save(String questionnaire, String answers) throws Exception {
        return api.put(questionnaire + "/answers", VOLUNTEER, "{\"answers\": " + answers + "}");
    }
}
