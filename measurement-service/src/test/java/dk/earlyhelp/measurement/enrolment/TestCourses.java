package dk.earlyhelp.measurement.enrolment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.earlyhelp.platform.security.SubjectPseudonym;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Children's courses as the other services announce them, on the real broker and checked against
 * the producers' contracts: a referral from referral-service, its progress and consents from
 * ngo-service and consent-service.
 */
public final class TestCourses {

    private TestCourses() {
    }

    /** A child's course, ids fresh for each test. */
    public record Course(String referralId, String childId, String intervention, String municipality) {

        public static Course of(String intervention, String municipality) {
            return new Course(UUID.randomUUID().toString(), UUID.randomUUID().toString(), intervention, municipality);
        }
    }

    public static void referred(Course course, int age, String gender) {
        String data = """
                {"referralId": "%s", "childId": "%s", "childAge": %d, "childGender": "%s",
                 "municipalityCode": "%s", "interventionCode": "%s", "concerns": ["PARENTAL_DIVORCE"],
                 "urgency": "NORMAL", "referrerRole": "TEACHER", "overriddenCriteria": [],
                 "occurredAt": "2026-01-05T09:30:00Z"}""".formatted(course.referralId(), course.childId(), age, gender,
                course.municipality(), course.intervention());
        Contracts.assertMatchesSchema("referral-service", "referral.submitted.v1", data);
        EventProbe.publishEvent("referral.events", "referral.submitted.v1", UUID.randomUUID().toString(),
                course.referralId(), data);
    }

    /** The NGO registered the child itself, without a referral (ngo-service's event, with the given source). */
    public static void registered(Course course, String ngo, String source) {
        String data = """
                {"referralId": "%s", "childId": "%s", "ngoCode": "%s", "interventionCode": "%s",
                 "municipalityCode": "%s", "source": "%s", "occurredAt": "2026-01-05T09:30:00Z"}"""
                .formatted(course.referralId(), course.childId(), ngo, course.intervention(), course.municipality(),
                        source);
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-received.v1", data);
        EventProbe.publishEvent("ngo.events", "ngo.referral-received.v1", UUID.randomUUID().toString(),
                course.referralId(), data);
    }

    /**
     * Publishes the NGO's progress with the given event id, so a test can repeat an event, delivered by
     * the people who sign in as {@code deliveredBy} (their volunteer ids are made up from the subjects).
     */
    public static void progressed(Course course, String eventId, String status, LocalDate startedOn,
            LocalDate occurredOn, String... deliveredBy) {
        String started = startedOn == null ? "" : "\"startedOn\": \"" + startedOn + "\", ";
        String closing = status.equals("COMPLETED") || status.equals("DROPPED_OUT") ? "\"needsAnotherOffer\": false, "
                : "";
        String reason = status.equals("DROPPED_OUT") ? "\"reason\": \"MOVED\", " : "";
        String team = deliveredBy.length == 0 ? "" : "\"deliveredBy\": [" + Arrays.stream(deliveredBy)
                .map(subject -> "{\"volunteerId\": \"v-%s\", \"subjectPseudonym\": \"%s\"}".formatted(subject,
                        SubjectPseudonym.of(subject)))
                .collect(Collectors.joining(", ")) + "], ";
        String data = """
                {"referralId": "%s", "childId": "%s", "status": "%s", %s%s%s%s"occurredAt": "%sT10:00:00Z"}"""
                .formatted(course.referralId(), course.childId(), status, started, closing, reason, team,
                        occurredOn);
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-progressed.v1", data);
        EventProbe.publishEvent("ngo.events", "ngo.referral-progressed.v1", eventId, course.referralId(), data);
    }

    /**
     * The child's family declined the person who signs in as {@code subject} (volunteer id made up as
     * in {@link #progressed}).
     */
    public static void matchDeclined(Course course, String subject, Instant at) {
        String data = """
                {"referralId": "%s", "childId": "%s", "volunteerId": "v-%s", "status": "ACCEPTED",
                 "reason": "PRACTICAL", "answeredBy": "CUSTODY_HOLDERS", "occurredAt": "%s"}"""
                .formatted(course.referralId(), course.childId(), subject, at);
        Contracts.assertMatchesSchema("ngo-service", "ngo.match-declined.v1", data);
        EventProbe.publishEvent("ngo.events", "ngo.match-declined.v1", UUID.randomUUID().toString(),
                course.referralId(), data);
    }

    /** The person who signs in as {@code subject} (volunteer id made up as in {@link #progressed}) left the NGO. */
    public static void left(String subject, String ngo, Instant at) {
        String data = """
                {"volunteerId": "v-%s", "ngoCode": "%s", "kind": "VOLUNTEER", "interventionCodes": [],
                 "status": "LEFT", "occurredAt": "%s"}""".formatted(subject, ngo, at);
        Contracts.assertMatchesSchema("ngo-service", "ngo.volunteer-status-changed.v1", data);
        EventProbe.publishEvent("ngo.events", "ngo.volunteer-status-changed.v1", UUID.randomUUID().toString(),
                "v-" + subject, data);
    }

    /**
     * Referred (a girl of 11) and started the given number of days ago, delivered by the people who sign
     * in as {@code deliveredBy}; waits until the checklist is there for the token's holder.
     */
    public static void started(Course course, int daysAgo, Api api, String token, String... deliveredBy) {
        referred(course, 11, "GIRL");
        LocalDate startedOn = LocalDate.now().minusDays(daysAgo);
        progressed(course, UUID.randomUUID().toString(), "STARTED", startedOn, startedOn, deliveredBy);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(checklist(course), token).statusCode() == 200);
    }

    public static String checklist(Course course) {
        return "/api/measurements/enrolments/" + course.referralId() + "/checklist";
    }

    /** A consent from consent-service naming the NGO for the given purposes. */
    public static String granted(Course course, String ngo, String... purposes) {
        String consentId = UUID.randomUUID().toString();
        String data = """
                {"consentId": "%s", "childId": "%s", "municipalityCode": "%s", "grantees": ["%s"],
                 "purposes": [%s], "categories": ["WELLBEING_SCORES"], "validUntil": "2099-12-31",
                 "occurredAt": "2026-01-02T10:00:00Z"}""".formatted(consentId, course.childId(), course.municipality(),
                ngo, String.join(", ", java.util.Arrays.stream(purposes).map(p -> "\"" + p + "\"").toList()));
        Contracts.assertMatchesSchema("consent-service", "consent.granted.v1", data);
        EventProbe.publishEvent("consent.events", "consent.granted.v1", UUID.randomUUID().toString(),
                course.childId(), data);
        return consentId;
    }

    public static void withdrawn(Course course, String consentId, String ngo) {
        String data = """
                {"consentId": "%s", "childId": "%s", "municipalityCode": "%s", "grantees": ["%s"],
                 "purposes": ["OUTCOME_MEASUREMENT"], "categories": ["WELLBEING_SCORES"], "validUntil": "2099-12-31",
                 "wasActive": true, "refused": false, "occurredAt": "2026-06-01T10:00:00Z"}"""
                .formatted(consentId, course.childId(), course.municipality(), ngo);
        Contracts.assertMatchesSchema("consent-service", "consent.withdrawn.v1", data);
        EventProbe.publishEvent("consent.events", "consent.withdrawn.v1", UUID.randomUUID().toString(),
                course.childId(), data);
    }

    /** A token of an NGO's volunteer or coordinator. */
    public static String ngoUser(String subject, String role, String ngo, String... partnerships) {
        return TestTokens.issue(subject, Map.of("roles", List.of(role), "org_type", "NGO", "org", ngo,
                "partnerships", List.of(partnerships)));
    }
}
