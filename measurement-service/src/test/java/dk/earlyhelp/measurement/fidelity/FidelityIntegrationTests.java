package dk.earlyhelp.measurement.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
import dk.earlyhelp.measurement.enrolment.TestCourses;
import dk.earlyhelp.measurement.enrolment.TestCourses.Course;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Those who deliver an intervention with a manual answer the fidelity questions (1..5, no consent
 * needed: they are about the session, not the child), and the figure per intervention is the mean
 * of every answer (METRICS.md §4), for the caller's partnerships only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FidelityIntegrationTests {

    static final String MENTOR = "frivillig-f";
    static final String VOLUNTEER = TestCourses.ngoUser(MENTOR, "VOLUNTEER", "SIND_PR");
    static final String STEERING_GROUP = TestTokens.issue("styregruppe-f", Map.of("roles", List.of("STEERING_GROUP"),
            "org_type", "MUNICIPALITY", "org", "0779", "partnerships", List.of("CYKELHJELM-0779")));
    static final String OTHER_STEERING_GROUP = TestTokens.issue("styregruppe-x", Map.of("roles",
            List.of("STEERING_GROUP"), "org_type", "MUNICIPALITY", "org", "0751", "partnerships",
            List.of("POWERKIDS-0751")));

    @LocalServerPort
    int port;
    @Autowired
    Catalogue catalogue;
    Api api;

    @BeforeEach
    void catalogue() {
        TestCatalogue.published(catalogue);
        api = new Api(port);
    }

    @Test
    void theFidelityFigureIsTheMeanOfEveryAnswerForTheCallersPartnerships() throws Exception {
        Course first = Course.of("CYKELHJELM", "0779");
        Course second = Course.of("CYKELHJELM", "0779");
        TestCourses.started(first, 10, api, VOLUNTEER, MENTOR);
        TestCourses.started(second, 10, api, VOLUNTEER, MENTOR);
        String fidelity = "/api/measurements/enrolments/" + first.referralId() + "/questionnaires/FIDELITY";

        JsonNode questions = Api.body(api.get(fidelity, VOLUNTEER), 200).get("questions");
        assertThat(questions.findValuesAsText("code")).containsExactly("FID_1", "FID_2", "FID_3", "FID_4");
        Api.body(api.put(fidelity + "/answers", VOLUNTEER, "{\"answers\": {\"FID_1\": 6}}"), 400);
        Api.body(api.put(fidelity + "/answers", VOLUNTEER,
                "{\"answers\": {\"FID_1\": 5, \"FID_2\": 4, \"FID_3\": 4, \"FID_4\": 3}}"), 200);
        Api.body(api.post(fidelity + "/submission", VOLUNTEER, ""), 200);
        String secondFidelity = "/api/measurements/enrolments/" + second.referralId() + "/questionnaires/FIDELITY";
        Api.body(api.put(secondFidelity + "/answers", VOLUNTEER, "{\"answers\": {\"FID_1\": 2, \"FID_2\": 3}}"), 200);
        Api.body(api.post(secondFidelity + "/submission", VOLUNTEER, ""), 200);

        String today = LocalDate.now().toString();
        JsonNode figures = Api.body(api.get("/api/measurements/fidelity?intervention=CYKELHJELM&from=" + today
                + "&to=" + today, STEERING_GROUP), 200);
        assertThat(figures).hasSize(1);
        assertThat(figures.get(0).get("intervention").asText()).isEqualTo("CYKELHJELM");
        assertThat(figures.get(0).get("n").asInt()).isEqualTo(6);
        assertThat(figures.get(0).get("mean").asDouble()).isCloseTo(21.0 / 6, within(1e-9));

        assertThat(Api.body(api.get("/api/measurements/fidelity?intervention=CYKELHJELM", OTHER_STEERING_GROUP), 200))
                .as("another partnership's figures").isEmpty();
        assertThat(Api.body(api.get("/api/measurements/fidelity?from=" + LocalDate.now().plusDays(1),
                STEERING_GROUP), 200)).isEmpty();
        Api.body(api.get("/api/measurements/fidelity?from=2026-02-01&to=2026-01-01", STEERING_GROUP), 400);
        Api.body(api.get("/api/measurements/fidelity?from=yesterday", STEERING_GROUP), 400);
    }

    @Test
    void anInterventionWithoutAManualHasNoFidelityQuestions() throws Exception {
        Course course = Course.of("KLUB_MOVE", "0615");
        String jbf = TestCourses.ngoUser("frivillig-j", "VOLUNTEER", "JBF");
        TestCourses.started(course, 0, api, jbf, "frivillig-j");

        JsonNode problem = Api.body(api.get("/api/measurements/enrolments/" + course.referralId()
                + "/questionnaires/FIDELITY", jbf), 409);
        assertThat(problem.get("type").asText()).endsWith("/fidelity-not-measured");
        JsonNode checklist = Api.body(api.get(TestCourses.checklist(course), jbf), 200);
        assertThat(checklist.get("items").findValuesAsText("kind")).doesNotContain("FIDELITY");
    }
}
