package dk.earlyhelp.measurement.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.TestCatalogue;
import dk.earlyhelp.measurement.enrolment.TestCourses;
import dk.earlyhelp.measurement.enrolment.TestCourses.Course;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * METRICS.md §5 from the producers' own events on the real broker: the funnel with conversions,
 * response and waiting times, decline reasons and where declined children went, referral sources
 * (municipal roles, and the children NGOs registered themselves) and capacity, scoped to the caller's partnerships.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsIntegrationTests {

    /** A municipality of its own, so other tests' referrals do not count here. */
    static final String PARTNERSHIP = "NEFOS_SUICIDE-0410";
    static final String STEERING = TestTokens.issue("steering-0410", Map.of("roles", List.of("STEERING_GROUP"),
            "org_type", "MUNICIPALITY", "org", "0410", "partnerships", List.of(PARTNERSHIP)));
    static final String OTHER_STEERING = TestTokens.issue("steering-0101", Map.of("roles", List.of("STEERING_GROUP"),
            "org_type", "MUNICIPALITY", "org", "0101", "partnerships", List.of("STROEM-0101")));

    @LocalServerPort
    int port;

    @Test
    void theFunnelTimesDeclinesSourcesAndCapacityFollowTheEvents() throws Exception {
        String teacherA = submitted("NEFOS_SUICIDE", "TEACHER", "2026-03-02T09:00:00Z");
        String teacherB = submitted("NEFOS_SUICIDE", "TEACHER", "2026-03-02T09:00:00Z");
        submitted("NEFOS_SUICIDE", "HEALTH_VISITOR", "2026-03-03T09:00:00Z");
        String declinedChild = UUID.randomUUID().toString();
        String declined = submitted(declinedChild, "NEFOS_SUICIDE", "CASEWORKER", "2026-03-04T09:00:00Z");
        String withdrawn = submitted("NEFOS_SUICIDE", "TEACHER", "2026-03-05T09:00:00Z");
        // The NGO answers in 2, 4 and 10 days; B waits on the list first.
        decided(teacherA, "ACCEPTED", null, null, "2026-03-04T10:00:00Z");
        decided(teacherB, "WAITLISTED", null, null, "2026-03-06T10:00:00Z");
        decided(teacherB, "ACCEPTED", null, null, "2026-03-20T10:00:00Z");
        decided(declined, "DECLINED", "NEEDS_OTHER_HELP", "CYKELHJELM", "2026-03-14T10:00:00Z");
        progressed(teacherA, "STARTED", "2026-03-11", "2026-03-11T10:00:00Z");
        progressed(teacherA, "COMPLETED", null, "2026-06-11T10:00:00Z");
        progressed(teacherB, "STARTED", "2026-03-27", "2026-03-27T10:00:00Z");
        withdrawn(withdrawn, "2026-03-06T10:00:00Z");
        // Referred again before the decline (not a bridge), then to the offer the caseworker found after it.
        submitted(declinedChild, "NEFOS_SUICIDE", "CASEWORKER", "2026-03-10T09:00:00Z");
        submitted(declinedChild, "KLUB_MOVE", "CASEWORKER", "2026-03-16T09:00:00Z");
        String capacity = """
                {"interventionCode": "NEFOS_SUICIDE", "places": 12, "occupied": 9, "waiting": 4, "freePlaces": 0,
                 "expectedStart": "2099-01-01", "occurredAt": "2026-03-20T10:00:00Z"}""";
        publish("ngo.events", "ngo-service", "ngo.availability-changed.v1", "NEFOS_SUICIDE", capacity);

        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> figures(api, STEERING).at("/byStatus/STARTED").asInt() == 1
                && figures(api, STEERING).at("/byStatus/WITHDRAWN").asInt() == 1
                && figures(api, STEERING).at("/capacity").size() == 1
                && figures(api, STEERING).at("/byStatus/COMPLETED").asInt() == 1);
        JsonNode figures = figures(api, STEERING);

        assertThat(figures.get("referrals").asInt()).isEqualTo(6);
        assertThat(figures.at("/funnel/0/count").asInt()).isEqualTo(6);
        assertThat(figures.at("/funnel/1/step").asText()).isEqualTo("DECIDED");
        assertThat(figures.at("/funnel/1/count").asInt()).isEqualTo(3);
        assertThat(figures.at("/funnel/2/count").asInt()).as("accepted").isEqualTo(2);
        assertThat(figures.at("/funnel/2/conversion").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(figures.at("/funnel/3/count").asInt()).as("started").isEqualTo(2);
        assertThat(figures.at("/funnel/4/count").asInt()).as("completed").isEqualTo(1);
        assertThat(figures.at("/byStatus/SUBMITTED").asInt()).as("the nurse's and the second caseworker's")
                .isEqualTo(2);
        assertThat(figures.at("/responseDays/n").asInt()).isEqualTo(3);
        assertThat(figures.at("/responseDays/median").asDouble()).as("2, 4 and 10 days").isEqualTo(4.0);
        assertThat(figures.at("/responseDays/p90").asLong()).isEqualTo(10);
        assertThat(figures.at("/waitingDays/median").asDouble()).as("7 and 7 days").isEqualTo(7.0);
        assertThat(figures.at("/declines/declined").asInt()).isEqualTo(1);
        assertThat(figures.at("/declines/reasons/NEEDS_OTHER_HELP").asInt()).isEqualTo(1);
        assertThat(figures.at("/declines/suggested/CYKELHJELM").asInt()).isEqualTo(1);
        assertThat(figures.at("/declines/bridgedTo").size()).isEqualTo(1);
        assertThat(figures.at("/declines/bridgedTo/KLUB_MOVE").asInt()).isEqualTo(1);
        assertThat(figures.at("/sources/TEACHER").asInt()).isEqualTo(3);
        assertThat(figures.at("/sources/HEALTH_VISITOR").asInt()).isEqualTo(1);
        assertThat(figures.at("/capacity/0/utilisation").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(figures.at("/capacity/0/waiting").asInt()).isEqualTo(4);

        assertThat(figures(api, OTHER_STEERING).get("referrals").asInt()).as("another partnership's").isZero();
        assertThat(figures(api, OTHER_STEERING).get("capacity").size()).isZero();
        assertThat(api.get("/api/operations?from=2026-03-04", STEERING).statusCode()).isEqualTo(200);
        assertThat(figures(api, STEERING, "?from=2026-03-04&to=2026-03-05").get("referrals").asInt()).isEqualTo(2);
        assertThat(api.get("/api/operations?from=2026-03-05&to=2026-03-04", STEERING).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/operations", TestTokens.municipalStaff("teacher", "0410")).statusCode())
                .as("figures are for coordinators and steering groups").isEqualTo(403);
    }

    @Test
    void childrenTheNgoRegisteredItselfCountAsSourcesBesideTheMunicipalRoles() throws Exception {
        String steering = TestTokens.issue("steering-0240", Map.of("roles", List.of("STEERING_GROUP"),
                "org_type", "MUNICIPALITY", "org", "0240", "partnerships", List.of("EMPOWR-0240")));
        String referred = submitted(UUID.randomUUID().toString(), "EMPOWR", "0240", "SSP_CONSULTANT",
                "2025-05-05T09:00:00Z");
        received(referred, "MUNICIPAL_REFERRAL", "2025-05-05T09:00:02Z");
        String parents = received(UUID.randomUUID().toString(), "PARENT_CONTACT", "2025-05-06T09:00:00Z");
        received(UUID.randomUUID().toString(), "PARENT_CONTACT", "2025-05-07T09:00:00Z");
        received(UUID.randomUUID().toString(), "NGO_OUTREACH", "2025-05-08T09:00:00Z");
        decided(parents, "ACCEPTED", null, null, "2025-05-09T10:00:00Z");

        Api api = new Api(port);
        String may = "?intervention=EMPOWR&from=2025-05-01&to=2025-05-31";
        await().atMost(Duration.ofSeconds(30)).until(() -> figures(api, steering, may).at("/sources/NGO_OUTREACH")
                .asInt() == 1 && figures(api, steering, may).at("/funnel/1/count").asInt() == 1);
        JsonNode figures = figures(api, steering, may);

        assertThat(figures.get("referrals").asInt()).as("the referred child once, and three the NGO registered")
                .isEqualTo(4);
        assertThat(figures.get("sources")).hasSize(3);
        assertThat(figures.at("/sources/SSP_CONSULTANT").asInt()).isEqualTo(1);
        assertThat(figures.at("/sources/PARENT_CONTACT").asInt()).isEqualTo(2);
        assertThat(figures.at("/sources/NGO_OUTREACH").asInt()).isEqualTo(1);
        assertThat(figures.at("/responseDays/median").asDouble()).as("registered on the 6th, accepted on the 9th")
                .isEqualTo(3.0);
    }

    @Test
    void volunteersActiveOnboardingLeftAndTurnoverPerNgo(@Autowired Catalogue catalogue) throws Exception {
        TestCatalogue.published(catalogue);
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Copenhagen"));
        Instant yearAgo = now.minusMonths(12).toInstant();
        Instant halfway = yearAgo.plus(Duration.between(yearAgo, now.toInstant()).dividedBy(2));
        volunteer("VOLUNTEER", "ACTIVE", now.minusYears(2).toInstant());
        String leaves = volunteer("VOLUNTEER", "ACTIVE", now.minusYears(2).toInstant());
        volunteerStatus(leaves, "VOLUNTEER", "LEFT", halfway);
        volunteer("VOLUNTEER", "APPLICANT", now.minusMonths(1).toInstant());
        volunteer("STAFF", "ACTIVE", now.minusYears(1).toInstant());
        String leftLongAgo = volunteer("VOLUNTEER", "ACTIVE", now.minusYears(3).toInstant());
        volunteerStatus(leftLongAgo, "VOLUNTEER", "LEFT", now.minusYears(2).toInstant());

        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> figures(api, STEERING).at("/volunteers/0/leftLast12Months")
                .asInt() == 1 && figures(api, STEERING).at("/volunteers/0/onboarding").asInt() == 1
                && figures(api, STEERING).at("/volunteers/0/active").asInt() == 1);
        JsonNode nefos = figures(api, STEERING).at("/volunteers/0");

        assertThat(nefos.get("ngo").asText()).isEqualTo("NEFOS");
        assertThat(nefos.get("meanActive").asDouble()).as("one all year, one half of it").isCloseTo(1.5, within(0.01));
        assertThat(nefos.get("turnover").asDouble()).isCloseTo(1 / 1.5, within(0.01));
        assertThat(figures(api, OTHER_STEERING).at("/volunteers/0/ngo").asText()).as("STRØM's NGO only")
                .isEqualTo("URK_KBH");
    }

    @Test
    void measurementCompletenessAndTheBackgroundAtIntakeCountQuestionnairesNotChildren(
            @Autowired Catalogue catalogue) throws Exception {
        TestCatalogue.published(catalogue);
        Api api = new Api(port);
        // Klub Move in Svendborg (0615): no other test's course is there.
        String coordinator = TestCourses.ngoUser("koordinator-ops", "NGO_COORDINATOR", "JBF");
        String steering = TestTokens.issue("steering-0615", Map.of("roles", List.of("STEERING_GROUP"),
                "org_type", "MUNICIPALITY", "org", "0615", "partnerships", List.of("KLUB_MOVE-0615")));
        Course late = Course.of("KLUB_MOVE", "0615");
        TestCourses.started(late, 30, api, coordinator);
        TestCourses.granted(late, "JBF", "OUTCOME_MEASUREMENT");
        Course onTime = Course.of("KLUB_MOVE", "0615");
        TestCourses.started(onTime, 0, api, coordinator);
        TestCourses.granted(onTime, "JBF", "OUTCOME_MEASUREMENT");

        answerBackground(api, coordinator, late, "{\"BG_SECTION_52\": \"YES\", \"BG_FAMILY\": \"NO\"}");
        answerBackground(api, coordinator, onTime, "{\"BG_SECTION_52\": \"UNKNOWN\"}");
        JsonNode figures = figures(api, steering);

        JsonNode completeness = figures.at("/completeness/0");
        assertThat(completeness.get("intervention").asText()).isEqualTo("KLUB_MOVE");
        // The late course: background answered 30 days after the start, BEFORE still not; the new one: background on time.
        assertThat(completeness.get("due").asInt()).isEqualTo(3);
        assertThat(completeness.get("onTime").asInt()).isEqualTo(1);
        assertThat(completeness.get("share").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(completeness.at("/overdueByRole/VOLUNTEER").asInt()).isEqualTo(1);
        JsonNode section52 = figures.at("/background/0");
        assertThat(section52.get("question").asText()).isEqualTo("BG_SECTION_52");
        assertThat(section52.get("answered").asInt()).isEqualTo(2);
        assertThat(section52.get("yes").asInt()).isEqualTo(1);
        assertThat(section52.get("share").asDouble()).isEqualTo(0.5);
        assertThat(figures.toString()).doesNotContain(late.childId(), late.referralId());
    }

    private static void answerBackground(Api api, String coordinator, Course course, String answers) throws Exception {
        String background = "/api/measurements/enrolments/" + course.referralId() + "/questionnaires/BACKGROUND";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.put(background + "/answers", coordinator,
                "{\"answers\": " + answers + "}").statusCode() == 200);
        Api.body(api.post(background + "/submission", coordinator, ""), 200);
    }

    private static String volunteer(String kind, String status, Instant at) {
        String id = UUID.randomUUID().toString();
        volunteerStatus(id, kind, status, at);
        return id;
    }

    private static void volunteerStatus(String id, String kind, String status, Instant at) {
        String data = ("{\"volunteerId\": \"%s\", \"ngoCode\": \"NEFOS\", \"kind\": \"%s\", "
                + "\"interventionCodes\": [\"NEFOS_SUICIDE\"], \"status\": \"%s\", \"occurredAt\": \"%s\"}")
                .formatted(id, kind, status, at);
        publish("ngo.events", "ngo-service", "ngo.volunteer-status-changed.v1", id, data);
    }

    private static JsonNode figures(Api api, String token) throws Exception {
        return figures(api, token, "");
    }

    private static JsonNode figures(Api api, String token, String query) throws Exception {
        return Api.body(api.get("/api/operations" + query, token), 200);
    }

    private static String submitted(String intervention, String role, String at) {
        return submitted(UUID.randomUUID().toString(), intervention, role, at);
    }

    private static String submitted(String childId, String intervention, String role, String at) {
        return submitted(childId, intervention, "0410", role, at);
    }

    private static String submitted(String childId, String intervention, String municipality, String role,
            String at) {
        String referralId = UUID.randomUUID().toString();
        String data = """
                {"referralId": "%s", "childId": "%s", "childAge": 12, "childGender": "BOY", "municipalityCode": "%s",
                 "interventionCode": "%s", "concerns": ["RELATIVE_SUICIDAL_BEHAVIOUR"], "urgency": "NORMAL",
                 "referrerRole": "%s", "occurredAt": "%s"}""".formatted(referralId, childId, municipality, intervention,
                role, at);
        publish("referral.events", "referral-service", "referral.submitted.v1", referralId, data);
        return referralId;
    }

    /** The NGO's {@code ngo.referral-received.v1} (its example file) for a child of EMPOWR-0240 from this source. */
    private static String received(String referralId, String source, String at) {
        ObjectNode data = (ObjectNode) Contracts.parse(Contracts.example("ngo-service", "ngo.referral-received.v1"));
        data.put("referralId", referralId).put("ngoCode", "GIRLTALK").put("interventionCode", "EMPOWR")
                .put("municipalityCode", "0240").put("source", source).put("occurredAt", at);
        publish("ngo.events", "ngo-service", "ngo.referral-received.v1", referralId, data.toString());
        return referralId;
    }

    private static void decided(String referralId, String decision, String reason, String suggested, String at) {
        String data = "{\"referralId\": \"%s\", \"decision\": \"%s\"%s%s, \"occurredAt\": \"%s\"}".formatted(
                referralId, decision, reason == null ? "" : ", \"reason\": \"" + reason + "\"",
                suggested == null ? "" : ", \"suggestedInterventionCode\": \"" + suggested + "\"", at);
        publish("ngo.events", "ngo-service", "ngo.referral-decided.v1", referralId, data);
    }

    private static void progressed(String referralId, String status, String startedOn, String at) {
        String data = "{\"referralId\": \"%s\", \"childId\": \"%s\", \"status\": \"%s\"%s, \"occurredAt\": \"%s\"}"
                .formatted(referralId, UUID.randomUUID(), status,
                        startedOn == null ? "" : ", \"startedOn\": \"" + startedOn + "\"", at);
        publish("ngo.events", "ngo-service", "ngo.referral-progressed.v1", referralId, data);
    }

    private static void withdrawn(String referralId, String at) {
        String data = "{\"referralId\": \"%s\", \"childId\": \"%s\", \"occurredAt\": \"%s\"}".formatted(referralId,
                UUID.randomUUID(), at);
        publish("referral.events", "referral-service", "referral.withdrawn.v1", referralId, data);
    }

    private static void publish(String topic, String producer, String type, String key, String data) {
        Contracts.assertMatchesSchema(producer, type, data);
        EventProbe.publishEvent(topic, type, UUID.randomUUID().toString(), key, data);
    }
}
