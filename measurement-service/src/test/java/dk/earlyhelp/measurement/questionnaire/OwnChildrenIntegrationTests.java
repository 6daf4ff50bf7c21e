package dk.earlyhelp.measurement.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
import dk.earlyhelp.measurement.enrolment.Enrolment;
import dk.earlyhelp.measurement.enrolment.Enrolments;
import dk.earlyhelp.measurement.enrolment.TestCourses;
import dk.earlyhelp.measurement.enrolment.TestCourses.Course;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;

/**
 * A volunteer sees only their own children: the NGO's events name who delivers each course (the
 * mentor, or the group's leaders, by the pseudonym of their login), and only those volunteers of
 * the NGO open its questionnaires and see its reminders; the newest news counts, so after a new
 * match the old mentor is refused. Coordinators keep seeing all of their NGO's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnChildrenIntegrationTests {

    static final String COORDINATOR = TestCourses.ngoUser("koordinator-o", "NGO_COORDINATOR", "URK_AAR");

    @LocalServerPort
    int port;
    @Autowired
    Catalogue catalogue;
    @Autowired
    Reminders reminders;
    @Autowired
    AuditTrail audit;
    @Autowired
    Enrolments enrolments;
    Api api;
    /** Two volunteers of the same NGO, fresh for each test. */
    String anna;
    String bo;

    @BeforeEach
    void catalogue() {
        TestCatalogue.published(catalogue);
        api = new Api(port);
        anna = "frivillig-anna-" + UUID.randomUUID();
        bo = "frivillig-bo-" + UUID.randomUUID();
    }

    @Test
    void theVolunteerWhoDeliversTheCourseOpensItsQuestionnaireAndAnotherVolunteerOfTheNgoIsRefused()
            throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        TestCourses.started(course, 0, api, volunteer(anna), anna);
        TestCourses.granted(course, "URK_AAR", "OUTCOME_MEASUREMENT");
        String before = before(course);

        assertThat(Api.body(api.get(before, volunteer(anna)), 200).get("referralId").asText())
                .isEqualTo(course.referralId());
        JsonNode refused = Api.body(api.get(before, volunteer(bo)), 404);
        assertThat(refused.get("type").asText()).as("another volunteer's child, like a missing one").endsWith("/not-found");
        assertThat(api.put(before + "/answers", volunteer(bo), "{\"answers\": {\"PSY_1\": 3}}").statusCode())
                .isEqualTo(404);
        assertThat(api.post(before + "/submission", volunteer(bo), "").statusCode()).isEqualTo(404);
        assertThat(api.get(TestCourses.checklist(course), volunteer(bo)).statusCode()).isEqualTo(404);
        assertThat(api.get(before, COORDINATOR).statusCode()).as("the coordinator sees all of the NGO's")
                .isEqualTo(200);

        assertThat(audit.about(course.childId()))
                .filteredOn(record -> record.actor().equals(bo))
                .extracting(AuditRecord::action, AuditRecord::resourceType)
                .containsOnly(tuple("DENIED", "questionnaire"), tuple("DENIED", "checklist"))
                .hasSize(4);
        assertThat(audit.about(course.childId())).filteredOn(record -> record.actor().equals(anna))
                .extracting(AuditRecord::action).containsOnly("READ");
        assertThat(audit.about(course.childId())).as("a questionnaire read reads the answers, for the access report")
                .filteredOn(record -> record.resourceType().equals("questionnaire")
                        && record.action().equals("READ"))
                .extracting(AuditRecord::categories, AuditRecord::purpose)
                .containsOnly(tuple(List.of("WELLBEING_SCORES"), "OUTCOME_MEASUREMENT"));
        assertThat(api.get(before, TestCourses.ngoUser(anna, "VOLUNTEER", "SIND_PR")).statusCode())
                .as("the same login in another NGO").isEqualTo(404);
    }

    @Test
    void afterANewMatchTheNewMentorMayAndTheOldOneNoLonger() throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        LocalDate today = LocalDate.now();
        TestCourses.referred(course, 11, "GIRL");
        TestCourses.progressed(course, UUID.randomUUID().toString(), "MATCHED", null, today.minusDays(3), anna);
        String startedWithAnna = UUID.randomUUID().toString();
        TestCourses.progressed(course, startedWithAnna, "STARTED", today.minusDays(2), today.minusDays(2), anna);
        String before = before(course);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(before, volunteer(anna)).statusCode() == 200);
        assertThat(api.get(before, volunteer(bo)).statusCode()).isEqualTo(404);

        TestCourses.progressed(course, UUID.randomUUID().toString(), "MATCHED", null, today.minusDays(1), bo);

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(before, volunteer(bo)).statusCode() == 200);
        assertThat(api.get(before, volunteer(anna)).statusCode()).isEqualTo(404);

        // The old start delivered again (a relay's retry) or late: older news changes nothing.
        TestCourses.progressed(course, startedWithAnna, "STARTED", today.minusDays(2), today.minusDays(2), anna);
        TestCourses.progressed(course, UUID.randomUUID().toString(), "MATCHED", null, today.minusDays(3), anna);
        // A later step on the same key (so the same partition) tells when those were applied; it names nobody.
        TestCourses.progressed(course, UUID.randomUUID().toString(), "COMPLETED", null, today);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get(TestCourses.checklist(course),
                COORDINATOR), 200).get("endStatus").asText().equals("COMPLETED"));
        assertThat(api.get(before, volunteer(anna)).statusCode()).isEqualTo(404);
        assertThat(api.get(before, volunteer(bo)).statusCode()).isEqualTo(200);
    }

    @Test
    void everyLeaderOfTheChildsGroupOpensItsQuestionnaireUntilTheyLeaveTheNgo() throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        TestCourses.started(course, 1, api, volunteer(anna), anna, bo);

        assertThat(api.get(before(course), volunteer(anna)).statusCode()).isEqualTo(200);
        assertThat(api.get(before(course), volunteer(bo)).statusCode()).isEqualTo(200);
        assertThat(api.get(before(course), volunteer("frivillig-other-" + UUID.randomUUID())).statusCode())
                .isEqualTo(404);

        TestCourses.left(bo, "URK_AAR", Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(before(course), volunteer(bo)).statusCode() == 404);
        assertThat(api.get(before(course), volunteer(anna)).statusCode()).as("the other leader stays").isEqualTo(200);
        // The start delivered again after the leaving is older news: it does not bring the leader back.
        TestCourses.progressed(course, UUID.randomUUID().toString(), "STARTED", LocalDate.now().minusDays(1),
                LocalDate.now().minusDays(1), anna, bo);
        TestCourses.progressed(course, UUID.randomUUID().toString(), "COMPLETED", null, LocalDate.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get(TestCourses.checklist(course),
                COORDINATOR), 200).get("endStatus").asText().equals("COMPLETED"));
        assertThat(api.get(before(course), volunteer(bo)).statusCode()).isEqualTo(404);
    }

    @Test
    void aVolunteerSeesTheRemindersOfTheCoursesTheyDeliverOnly() throws Exception {
        Course annas = Course.of("POWERKIDS", "0751");
        Course bos = Course.of("POWERKIDS", "0751");
        TestCourses.started(annas, 30, api, volunteer(anna), anna);
        TestCourses.started(bos, 30, api, volunteer(bo), bo);

        reminders.remindOfOverdue();

        assertThat(reminded(volunteer(anna))).contains(tuple(annas.referralId(), "BEFORE"))
                .noneMatch(reminder -> reminder.toList().contains(bos.referralId()));
        assertThat(reminded(volunteer(bo))).contains(tuple(bos.referralId(), "BEFORE"))
                .noneMatch(reminder -> reminder.toList().contains(annas.referralId()));
        assertThat(reminded(COORDINATOR)).contains(tuple(annas.referralId(), "BEFORE"),
                tuple(annas.referralId(), "BACKGROUND"), tuple(bos.referralId(), "BEFORE"));

        // Bo takes over Anna's child: the reminder follows the course to the new mentor.
        TestCourses.progressed(annas, UUID.randomUUID().toString(), "MATCHED", null, LocalDate.now(), bo);
        await().atMost(Duration.ofSeconds(30)).until(() -> reminded(volunteer(bo))
                .contains(tuple(annas.referralId(), "BEFORE")));
        assertThat(reminded(volunteer(anna))).noneMatch(reminder -> reminder.toList().contains(annas.referralId()));
    }

    private List<org.assertj.core.groups.Tuple> reminded(String token) throws Exception {
        List<org.assertj.core.groups.Tuple> reminded = new ArrayList<>();
        for (JsonNode reminder : Api.body(api.get("/api/measurements/reminders", token), 200)) {
            reminded.add(tuple(reminder.get("referralId").asText(), reminder.get("kind").asText()));
        }
        return reminded;
    }

    private static String volunteer(String subject) {
        return TestCourses.ngoUser(subject, "VOLUNTEER", "URK_AAR");
    }

    @Test
    void aMentorTheChildsFamilyDeclinedDeliversNothingForTheChild() throws Exception {
        Course course = Course.of("POWERKIDS", "0751");
        LocalDate today = LocalDate.now();
        TestCourses.referred(course, 11, "GIRL");
        TestCourses.progressed(course, UUID.randomUUID().toString(), "MATCHED", null, today.minusDays(2), anna);
        await().atMost(Duration.ofSeconds(30)).until(() -> !team(course).isEmpty());

        TestCourses.matchDeclined(course, anna, today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());

        await().atMost(Duration.ofSeconds(30)).until(() -> team(course).isEmpty());
        // The next mentor, whom the family said yes to, starts the course and opens its questionnaire.
        TestCourses.progressed(course, UUID.randomUUID().toString(), "MATCHED", null, today, bo);
        TestCourses.progressed(course, UUID.randomUUID().toString(), "STARTED", today, today, bo);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(before(course), volunteer(bo)).statusCode() == 200);
        assertThat(api.get(before(course), volunteer(anna)).statusCode()).isEqualTo(404);
    }

    private List<Enrolment.Deliverer> team(Course course) {
        return enrolments.find(course.referralId()).map(Enrolment::deliveredBy).filter(team -> team != null)
                .orElse(List.of());
    }

    private static String before(Course course) {
        return "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BEFORE";
    }
}
