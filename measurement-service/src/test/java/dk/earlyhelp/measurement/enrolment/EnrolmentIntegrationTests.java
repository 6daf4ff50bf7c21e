package dk.earlyhelp.measurement.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
import dk.earlyhelp.measurement.enrolment.TestCourses.Course;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Enrolments from referral-service's and ngo-service's events on the real broker and store, in
 * any order and repeated, become checklists with due dates for the NGO that delivers, and for nobody else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrolmentIntegrationTests {

    static final String MENTOR = "frivillig-1";
    static final String VOLUNTEER = TestCourses.ngoUser(MENTOR, "VOLUNTEER", "URK_AAR");
    static final String COORDINATOR = TestCourses.ngoUser("koordinator-1", "NGO_COORDINATOR", "URK_AAR");
    static final String OTHER_NGO = TestCourses.ngoUser("koordinator-2", "NGO_COORDINATOR", "SIND_PR");

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
    void aStartedCourseHasItsQuestionnairesDueWithTheRoleResponsible() throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        LocalDate startedOn = LocalDate.now().minusDays(20);
        String started = UUID.randomUUID().toString();
        // The NGO's news may overtake the referral: the two topics keep no order between them.
        TestCourses.progressed(course, started, "STARTED", startedOn, LocalDate.now(), MENTOR);
        TestCourses.progressed(course, started, "STARTED", startedOn, LocalDate.now(), MENTOR);
        TestCourses.referred(course, 14, "BOY");

        JsonNode checklist = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get(TestCourses.checklist(course), VOLUNTEER), response -> response.statusCode() == 200)
                .body().transform(dk.earlyhelp.platform.test.Contracts::parse);
        assertThat(checklist.get("startedOn").asText()).isEqualTo(startedOn.toString());
        assertThat(item(checklist, "BACKGROUND").get("responsible").asText()).isEqualTo("NGO_COORDINATOR");
        assertThat(item(checklist, "BEFORE").get("responsible").asText()).isEqualTo("VOLUNTEER");
        assertThat(item(checklist, "BEFORE").get("dueOn").asText()).isEqualTo(startedOn.toString());
        assertThat(item(checklist, "BEFORE").get("status").asText()).as("20 days after the start, 14 are on time")
                .isEqualTo("OVERDUE");
        assertThat(item(checklist, "AFTER").get("status").asText()).isEqualTo("UPCOMING");
        assertThat(item(checklist, "AFTER").get("dueOn").isNull()).isTrue();
        assertThat(item(checklist, "PROGRESS").get("status").asText()).isEqualTo("OPTIONAL");
        assertThat(item(checklist, "FIDELITY").get("responsible").asText()).as("POWERKIDS follows a manual")
                .isEqualTo("VOLUNTEER");

        JsonNode overdue = Api.body(api.get("/api/measurements/checklists?overdue=true", COORDINATOR), 200);
        assertThat(overdue.findValuesAsText("referralId")).contains(course.referralId());

        LocalDate endedOn = LocalDate.now().minusDays(1);
        TestCourses.progressed(course, UUID.randomUUID().toString(), "COMPLETED", null, endedOn);
        checklist = await().atMost(Duration.ofSeconds(30)).until(
                () -> Api.body(api.get(TestCourses.checklist(course), COORDINATOR), 200),
                body -> !body.get("endedOn").isNull());
        assertThat(checklist.get("endStatus").asText()).isEqualTo("COMPLETED");
        assertThat(item(checklist, "AFTER").get("status").asText()).isEqualTo("DUE");
        assertThat(item(checklist, "AFTER").get("dueOn").asText()).isEqualTo(endedOn.toString());
        JsonNode followUp = item(checklist, "FOLLOW_UP");
        assertThat(followUp.get("dueOn").asText()).isEqualTo(endedOn.plusMonths(6).toString());
        assertThat(followUp.get("windowFrom").asText()).isEqualTo(endedOn.plusMonths(6).minusDays(30).toString());
        assertThat(followUp.get("onTimeUntil").asText()).isEqualTo(endedOn.plusMonths(6).plusDays(30).toString());
        assertThat(followUp.get("status").asText()).isEqualTo("UPCOMING");
        assertThat(followUp.get("responsible").asText()).isEqualTo("NGO_COORDINATOR");
    }

    @Test
    void onlyTheNgoThatDeliversSeesAChecklistAndEveryReadIsAudited(@Autowired AuditTrail audit) throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        TestCourses.started(course, 0, api, VOLUNTEER, MENTOR);

        assertThat(api.get(TestCourses.checklist(course), OTHER_NGO).statusCode())
                .as("another NGO's child, like a missing one").isEqualTo(404);
        assertThat(api.get(TestCourses.checklist(course), TestTokens.municipalStaff("laerer", "0751")).statusCode())
                .isEqualTo(403);
        JsonNode missing = Api.body(api.get("/api/measurements/enrolments/" + UUID.randomUUID() + "/checklist",
                COORDINATOR), 404);
        assertThat(missing.get("type").asText()).endsWith("/not-found");
        assertThat(api.get("/api/measurements/checklists", VOLUNTEER).statusCode()).as("coordinators only")
                .isEqualTo(403);
        JsonNode otherNgos = Api.body(api.get("/api/measurements/checklists", OTHER_NGO), 200);
        assertThat(otherNgos.findValuesAsText("referralId")).doesNotContain(course.referralId());

        assertThat(audit.about(course.childId())).extracting(record -> record.decision())
                .contains("PERMIT", "DENY");
        assertThat(audit.about(course.childId())).allSatisfy(record -> assertThat(record.subjectId())
                .isEqualTo(course.childId()));
    }

    private static JsonNode item(JsonNode checklist, String kind) {
        for (JsonNode item : checklist.get("items")) {
            if (item.get("kind").asText().equals(kind)) {
                return item;
            }
        }
        throw new AssertionError("No " + kind + " in " + checklist);
    }
}
