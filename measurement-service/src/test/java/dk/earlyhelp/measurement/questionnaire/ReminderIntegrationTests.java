package dk.earlyhelp.measurement.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

/**
 * The reminder job on the real store: each overdue questionnaire becomes one reminder for the
 * role responsible, a rerun adds none, and answering closes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReminderIntegrationTests {

    static final String MENTOR = "frivillig-r";
    static final String VOLUNTEER = TestCourses.ngoUser(MENTOR, "VOLUNTEER", "URK_AAR");
    static final String COORDINATOR = TestCourses.ngoUser("koordinator-r", "NGO_COORDINATOR", "URK_AAR");

    @LocalServerPort
    int port;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Reminders reminders;
    Api api;

    @BeforeEach
    void catalogue() {
        TestCatalogue.published(catalogue);
        api = new Api(port);
    }

    @Test
    void overdueQuestionnairesRemindTheRoleResponsibleOnceUntilAnswered() throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        TestCourses.started(course, 30, api, VOLUNTEER, MENTOR);
        TestCourses.granted(course, "URK_AAR", "OUTCOME_MEASUREMENT");

        reminders.remindOfOverdue();
        reminders.remindOfOverdue();

        assertThat(kinds(COORDINATOR, course)).containsExactlyInAnyOrder("BACKGROUND", "BEFORE");
        assertThat(kinds(VOLUNTEER, course)).as("the volunteer's part only").containsExactly("BEFORE");
        assertThat(api.get("/api/measurements/reminders", dk.earlyhelp.platform.test.TestTokens
                .municipalStaff("laerer-r", "0751")).statusCode()).isEqualTo(403);

        String before = "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BEFORE";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.put(before + "/answers", VOLUNTEER,
                "{\"answers\": {\"PSY_1\": 3}}").statusCode() == 200);
        Api.body(api.post(before + "/submission", VOLUNTEER, ""), 200);
        JsonNode checklist = Api.body(api.get(TestCourses.checklist(course), COORDINATOR), 200);
        assertThat(checklist.get("items").get(1).get("onTime").asBoolean()).as("30 days after the start")
                .isFalse();

        assertThat(kinds(COORDINATOR, course)).containsExactly("BACKGROUND");
    }

    private List<String> kinds(String token, Course course) throws Exception {
        List<String> kinds = new ArrayList<>();
        for (JsonNode reminder : Api.body(api.get("/api/measurements/reminders", token), 200)) {
            if (reminder.get("referralId").asText().equals(course.referralId())) {
                kinds.add(reminder.get("kind").asText());
            }
        }
        return kinds;
    }
}
