package dk.earlyhelp.measurement.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Children an NGO registered itself, without a municipal referral (issue 4, models B1/B3), on the real
 * broker and store: the NGO's registration enrols the child, and its answers are collected and counted
 * only under the parents' consent, recorded by the NGO in the consent service, exactly as a referred
 * child's (CONSENT.md rules 1 and 9). Without it nothing individual reaches measurement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisteredChildMeasurementIntegrationTests {

    static final String COORDINATOR = TestCourses.ngoUser("koordinator-cykelhjelm", "NGO_COORDINATOR", "SIND_PR",
            "CYKELHJELM-0751");
    static final String ADMIN = TestTokens.issue("admin", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM",
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
    void answersAreCollectedAndCountedOnlyUnderTheParentsConsent() throws Exception {
        Course consented = startedAfterRegistration("PARENT_CONTACT");
        Course withoutConsent = startedAfterRegistration("NGO_OUTREACH");
        Course measuredOnly = startedAfterRegistration("PARENT_CONTACT");
        JsonNode questions = Api.body(api.get(before(consented), COORDINATOR), 200).get("questions");
        String dimension = questions.get(0).get("dimension").asText();
        // Every item of the first dimension, so it has a score.
        StringBuilder answers = new StringBuilder();
        for (JsonNode question : questions) {
            if (question.get("dimension").asText().equals(dimension)) {
                answers.append(answers.isEmpty() ? "" : ", ").append('"').append(question.get("code").asText())
                        .append("\": 3");
            }
        }
        String allAnswers = "{" + answers + "}";
        int countedBefore = beforeCount(dimension);
        TestCourses.granted(consented, "SIND_PR", "OUTCOME_MEASUREMENT", "EVALUATION_STATISTICS");
        TestCourses.granted(measuredOnly, "SIND_PR", "OUTCOME_MEASUREMENT");

        await().atMost(Duration.ofSeconds(30)).until(() -> save(consented, allAnswers).statusCode() == 200);
        Api.body(api.post(before(consented) + "/submission", COORDINATOR, ""), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> save(measuredOnly, allAnswers).statusCode() == 200);
        Api.body(api.post(before(measuredOnly) + "/submission", COORDINATOR, ""), 200);
        JsonNode refused = Api.body(save(withoutConsent, allAnswers), 403);

        assertThat(refused.get("type").asText()).endsWith("/consent-required");
        assertThat(mongo.find(Query.query(Criteria.where("enrolmentRef").is(consented.referralId())), Response.class))
                .singleElement().satisfies(response -> {
                    assertThat(response.partnership()).isEqualTo("CYKELHJELM-0751");
                    assertThat(response.childId()).isEqualTo(consented.childId());
                    assertThat(response.ageBand()).as("the NGO's event names no age").isNull();
                });
        assertThat(mongo.count(Query.query(Criteria.where("childId").is(withoutConsent.childId())), Response.class))
                .isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> beforeCount(dimension) == countedBefore + 1);
        assertThat(beforeCount(dimension)).as("the child measured without EVALUATION_STATISTICS counts in no figure")
                .isEqualTo(countedBefore + 1);
    }

    /** SIND registered a child for Cykelhjelm in Aarhus, and the course started today. */
    private Course startedAfterRegistration(String source) {
        Course course = Course.of("CYKELHJELM", "0751");
        TestCourses.registered(course, "SIND_PR", source);
        TestCourses.progressed(course, UUID.randomUUID().toString(), "STARTED", LocalDate.now(), LocalDate.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(TestCourses.checklist(course), COORDINATOR).statusCode() == 200);
        return course;
    }

    private static String before(Course course) {
        return "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BEFORE";
    }

    private HttpResponse<String> save(Course course, String answers) throws Exception {
        return api.put(before(course) + "/answers", COORDINATOR, "{\"answers\": " + answers + "}");
    }

    /** How many children's BEFORE answers count in Cykelhjelm's figures of the dimension (none yet: 0). */
    private int beforeCount(String dimension) throws Exception {
        JsonNode report = Api.body(api.get("/api/outcomes?intervention=CYKELHJELM", ADMIN), 200);
        for (JsonNode figures : report.get("dimensions")) {
            if (figures.get("dimension").asText().equals(dimension)) {
                return figures.at("/occasions/BEFORE/n").asInt();
            }
        }
        return 0;
    }
}
