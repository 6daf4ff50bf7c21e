package dk.earlyhelp.ngo.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.ngo.MovableClock;
import dk.earlyhelp.ngo.People;
import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.ngo.Referrals.Arrived;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * STRØM mentors run their courses over real HTTP on the real broker and store: each sees and logs
 * meetings for their own children only, and a mentor's silence of 14 days, with the clock moved
 * on, raises an alert to the cluster mentor that a logged meeting clears.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
@Import(MovableClock.Config.class)
class MeetingIntegrationTests {

    static final String STROEM = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final String GIRLTALK = TestTokens.ngoCoordinator("coordinator-empowr", "GIRLTALK");
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ContactAlerts alerts;

    @Autowired
    AuditTrail audit;

    @Autowired
    MongoTemplate mongo;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aVolunteerSeesAndLogsMeetingsForTheirOwnChildrenOnly() throws Exception {
        Mentor mine = mentor();
        Mentor other = mentor();
        Arrived child = matched(mine.id());
        LocalDate today = today();

        JsonNode children = Api.body(api.get("/api/ngo/my-children", mine.token()), 200);
        assertThat(children).hasSize(1);
        JsonNode own = children.get(0);
        assertThat(own.get("referralId").asText()).isEqualTo(child.referralId());
        assertThat(own.get("interventionCode").asText()).isEqualTo("STROEM");
        assertThat(own.get("childAge").asInt()).isEqualTo(11);
        assertThat(own.get("status").asText()).isEqualTo("MATCHED");
        assertThat(own.get("matchedOn").asText()).isEqualTo(today.toString());
        assertThat(own.has("lastMeetingOn")).isFalse();
        assertThat(own.toString()).doesNotContain(child.childId());
        assertThat(Api.body(api.get("/api/ngo/my-children", other.token()), 200)).isEmpty();

        HttpResponse<String> othersChild = logMeeting(other.token(), child, today);
        assertThat(othersChild.statusCode()).isEqualTo(404);
        assertThat(audit.about(child.childId())).extracting(AuditRecord::action).contains("DENIED");
        assertThat(logMeeting(volunteer("unknown-" + UUID.randomUUID(), "URK_KBH"), child, today).statusCode())
                .isEqualTo(404);
        assertThat(logMeeting(volunteer(mine.login(), "URK_AAR"), child, today).statusCode())
                .as("the same login at another NGO").isEqualTo(404);
        assertThat(logMeeting(STROEM, child, today).statusCode()).as("coordinators do not log meetings")
                .isEqualTo(403);
        assertThat(api.get("/api/ngo/inbox", mine.token()).statusCode()).isEqualTo(403);
        assertThat(logMeeting(mine.token(), child, today.plusDays(1)).body()).contains("\"field\":\"heldOn\"");

        JsonNode logged = Api.body(api.post("/api/ngo/meetings", mine.token(), """
                {"referralId": "%s", "heldOn": "%s", "minutes": 90, "note": "Vi spillede skak"}"""
                .formatted(child.referralId(), today)), 201);

        assertThat(logged.get("minutes").asInt()).isEqualTo(90);
        assertThat(Api.body(api.get("/api/ngo/my-children", mine.token()), 200).get(0).get("lastMeetingOn").asText())
                .isEqualTo(today.toString());
        assertThat(audit.about(child.childId())).extracting(AuditRecord::action).contains("CREATE", "READ");
    }

    @Test
    void fourteenDaysWithoutContactRaiseAnAlertThatALoggedMeetingClears() throws Exception {
        Mentor mentor = mentor();
        Arrived child = matched(mentor.id());
        LocalDate matchedOn = today();
        alerts.check();
        assertThat(alert(child)).isNull();

        clock.advance(Duration.ofDays(13));
        alerts.check();
        assertThat(alert(child)).as("13 days").isNull();

        clock.advance(Duration.ofDays(1));
        alerts.check();
        JsonNode alert = alert(child);
        assertThat(alert).as("14 days").isNotNull();
        assertThat(alert.get("volunteerId").asText()).isEqualTo(mentor.id());
        assertThat(alert.get("daysSinceContact").asInt()).isEqualTo(14);
        assertThat(alert.get("since").asText()).isEqualTo(matchedOn.toString());
        assertThat(Api.body(api.get("/api/ngo/alerts", POWERKIDS), 200).toString())
                .doesNotContain(child.referralId());
        assertThat(api.get("/api/ngo/alerts", mentor.token()).statusCode()).isEqualTo(403);
        assertThat(audit.about(child.childId())).filteredOn(record -> record.resourceType().equals("contact-alert"))
                .isNotEmpty();

        Api.body(logMeeting(mentor.token(), child, today().minusDays(1)), 201);

        assertThat(alert(child)).as("cleared by the meeting").isNull();
        clock.advance(Duration.ofDays(12));
        alerts.check();
        assertThat(alert(child)).isNull();
        clock.advance(Duration.ofDays(1));
        alerts.check();
        assertThat(alert(child).get("since").asText()).as("counted from the meeting")
                .isEqualTo(matchedOn.plusDays(13).toString());

        Api.body(api.post("/api/ngo/inbox/" + child.referralId() + "/drop-out", STROEM,
                "{\"reason\": \"CHILD_LOST_INTEREST\", \"needsAnotherOffer\": true}"), 200);
        alerts.check();
        assertThat(alert(child)).as("the course ended").isNull();
    }

    @Test
    void meetingNotesGoWhenTheConsentEnds() throws Exception {
        Mentor mentor = mentor();
        Arrived child = matched(mentor.id());
        Api.body(api.post("/api/ngo/meetings", mentor.token(), """
                {"referralId": "%s", "heldOn": "%s", "minutes": 60, "note": "Hun var ked af det i dag"}"""
                .formatted(child.referralId(), today())), 201);

        Referrals.withdrawConsent(api, STROEM, child, "URK_KBH");

        List<Document> meetings = mongo.find(Query.query(Criteria.where("referralId").is(child.referralId())),
                Document.class, "meetings");
        assertThat(meetings).hasSize(1).allSatisfy(meeting -> assertThat(meeting).doesNotContainKey("note")
                .containsEntry("minutes", 60));
        JsonNode own = Api.body(api.get("/api/ngo/my-children", mentor.token()), 200).get(0);
        assertThat(own.has("childAge")).isFalse();
    }

    /** A STRØM mentor with a certificate, signing in as a new login. */
    @Test
    void aGroupLeaderSeesTheChildrenSeatedInTheirGroupsAsTheirOwn() throws Exception {
        String login = "leder-" + UUID.randomUUID().toString().substring(0, 8);
        String leader = People.active(api, GIRLTALK, "EMPOWR", "IN_RELEVANT_EDUCATION", 0,
                People.validCertificate() + ", \"login\": \"" + login + "\"");
        String groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK, """
                {"interventionCode": "EMPOWR", "startDate": "%s", "sessions": 10, "sessionEveryDays": 14,
                 "ageMin": 13, "ageMax": 17, "sizeLimit": 8, "leaderIds": ["%s"]}""".formatted(today().plusDays(3),
                leader)), 201).get("id").asText();
        Arrived seated = Referrals.arrive(api, GIRLTALK, "EMPOWR", 13, "NORMAL");
        Referrals.decide(api, GIRLTALK, seated.referralId(), "{\"decision\": \"ACCEPTED\"}");
        Api.body(api.post("/api/ngo/groups/" + groupId + "/seats", GIRLTALK,
                "{\"referralId\": \"" + seated.referralId() + "\"}"), 200);
        Arrived elsewhere = Referrals.arrive(api, GIRLTALK, "EMPOWR", 13, "NORMAL");
        Referrals.decide(api, GIRLTALK, elsewhere.referralId(), "{\"decision\": \"ACCEPTED\"}");

        JsonNode children = Api.body(api.get("/api/ngo/my-children", volunteer(login, "GIRLTALK")), 200);

        assertThat(children.findValuesAsText("referralId")).containsExactly(seated.referralId());
        assertThat(children.get(0).get("groupId").asText()).isEqualTo(groupId);
        assertThat(children.get(0).has("matchedOn")).as("no one-to-one match").isFalse();
    }

    private Mentor mentor() throws Exception {
        String login = "mentor-" + UUID.randomUUID().toString().substring(0, 8);
        String id = People.active(api, STROEM, "STROEM", People.validCertificate() + ", \"login\": \"" + login + "\"");
        return new Mentor(id, login, volunteer(login, "URK_KBH"));
    }

    /** A STRØM child accepted and matched with the mentor, and the family said yes. */
    private Arrived matched(String mentorId) throws Exception {
        Arrived child = Referrals.arrive(api, STROEM, "STROEM", 11, "NORMAL");
        Referrals.decide(api, STROEM, child.referralId(), "{\"decision\": \"ACCEPTED\"}");
        Referrals.matchAccepted(api, STROEM, child.referralId(), mentorId);
        return child;
    }

    private HttpResponse<String> logMeeting(String token, Arrived child, LocalDate heldOn) throws Exception {
        return api.post("/api/ngo/meetings", token, """
                {"referralId": "%s", "heldOn": "%s", "minutes": 60}""".formatted(child.referralId(), heldOn));
    }

    /** The coordinator's open alert for the child, or null. */
    private JsonNode alert(Arrived child) throws Exception {
        for (JsonNode alert : Api.body(api.get("/api/ngo/alerts", STROEM), 200)) {
            if (alert.get("referralId").asText().equals(child.referralId())) {
                return alert;
            }
        }
        return null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DENMARK));
    }

    /** A token for a volunteer of one NGO, as the gateway issues it. */
    private static String volunteer(String login, String ngoCode) {
        return TestTokens.issue(login, Map.of("roles", List.of("VOLUNTEER"), "org_type", "NGO", "org", ngoCode));
    }

    private record Mentor(String id, String login, String token) {
    }
}
