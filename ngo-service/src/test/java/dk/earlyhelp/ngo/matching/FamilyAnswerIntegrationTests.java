package dk.earlyhelp.ngo.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.ngo.MovableClock;
import dk.earlyhelp.ngo.People;
import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.ngo.Referrals.Arrived;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * A confirmed match is proposed to the family, and STRØM's coordinator records their answer over
 * real HTTP, on the real broker and store: a yes makes the match stand; a no frees the mentor's
 * place at once, puts the child back on the waiting list in the original place, leaves the mentor
 * out of the child's next proposals and tells the referrer (ngo.match-declined.v1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
@Import(MovableClock.Config.class)
class FamilyAnswerIntegrationTests {

    static final String STROEM = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    static EventProbe ngoEvents;

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    AuditTrail audit;

    @Autowired
    MongoTemplate mongo;

    Api api;

    @BeforeAll
    static void listen() {
        ngoEvents = EventProbe.on("ngo.events");
    }

    @AfterAll
    static void stopListening() {
        ngoEvents.close();
    }

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFamilysYesLetsTheMatchStandAndTheMentorSeeTheChildOnlyThen() throws Exception {
        String login = "mentor-" + UUID.randomUUID().toString().substring(0, 8);
        String mentor = People.active(api, STROEM, "STROEM", People.validCertificate() + ", \"login\": \"" + login
                + "\"");
        String mentorToken = volunteer(login);
        Arrived child = waiting("{\"decision\": \"ACCEPTED\"}");

        assertThat(Api.body(match(child, mentor), 200).get("status").asText()).isEqualTo("PROPOSED");
        assertThat(freeCapacity(mentor)).as("the place is held while the family decides").isZero();
        assertThat(waitingIds()).as("a child with a proposed mentor does not wait").doesNotContain(child.referralId());
        assertThat(Api.body(api.get("/api/ngo/my-children", mentorToken), 200).findValuesAsText("referralId"))
                .as("not before the family said yes").doesNotContain(child.referralId());
        assertThat(post(child, "start", "{\"startedOn\": \"" + today() + "\"}").statusCode()).as("not started yet")
                .isEqualTo(409);

        JsonNode answered = Api.body(answer(child, mentor, """
                "answer": "ACCEPTED", "answeredBy": "BOTH\""""), 200);

        assertThat(answered.get("status").asText()).isEqualTo("MATCHED");
        assertThat(answered.get("volunteerId").asText()).isEqualTo(mentor);
        assertThat(answered.at("/familyAnswer/answer").asText()).isEqualTo("ACCEPTED");
        assertThat(answered.at("/familyAnswer/answeredBy").asText()).isEqualTo("BOTH");
        assertThat(answered.at("/familyAnswer/answeredOn").asText()).isEqualTo(today().toString());
        assertThat(answered.at("/familyAnswer/recordedBy").asText()).isEqualTo("coordinator-stroem");
        assertThat(freeCapacity(mentor)).isZero();
        assertThat(Api.body(api.get("/api/ngo/my-children", mentorToken), 200).findValuesAsText("referralId"))
                .contains(child.referralId());
        assertThat(audit.about(child.childId())).extracting(AuditRecord::action, AuditRecord::actor)
                .contains(tuple("UPDATE", "coordinator-stroem"));

        HttpResponse<String> again = answer(child, mentor, "\"answer\": \"DECLINED\", \"answeredBy\": \"CHILD\", "
                + "\"reason\": \"CHEMISTRY\"");
        assertThat(again.statusCode()).as("a second answer").isEqualTo(409);
        assertThat(again.body()).contains("no-proposed-match");
        assertThat(Api.body(post(child, "start", "{\"startedOn\": \"" + today() + "\"}"), 200).get("status")
                .asText()).isEqualTo("STARTED");
        assertThat(ngoEvents.seen(record -> declined(record, child.referralId()))).isEmpty();
    }

    @Test
    void theFamilysNoFreesThePlaceKeepsTheChildsPlaceInTheQueueAndLeavesTheMentorOutNextTime() throws Exception {
        String mentor = People.active(api, STROEM, "STROEM", People.validCertificate()
                + ", \"languages\": [\"da\", \"so\"], \"postcode\": \"2200\"");
        String waitlisted = "{\"decision\": \"WAITLISTED\", \"expectedStart\": \"" + today().plusMonths(2) + "\"}";
        Arrived earlier = waiting(waitlisted);
        Arrived child = waiting(waitlisted);
        Arrived later = waiting(waitlisted);
        JsonNode before = entry(child);
        Api.body(match(child, mentor), 200);
        clock.advance(Duration.ofDays(3));

        JsonNode answered = Api.body(answer(child, mentor, """
                "answer": "DECLINED", "answeredBy": "CHILD", "reason": "CHEMISTRY",
                "note": "Drengen syntes, at mentoren var for stille\""""), 200);

        assertThat(answered.get("status").asText()).as("back to where the child waited").isEqualTo("WAITLISTED");
        assertThat(answered.at("/familyAnswer/reason").asText()).isEqualTo("CHEMISTRY");
        assertThat(answered.at("/familyAnswer/answeredOn").asText()).isEqualTo(today().toString());
        assertThat(freeCapacity(mentor)).as("the place is free at once").isEqualTo(1);
        List<String> queue = waitingIds();
        assertThat(queue).containsSubsequence(earlier.referralId(), child.referralId(), later.referralId());
        JsonNode after = entry(child);
        assertThat(after.get("receivedAt").asText()).isEqualTo(before.get("receivedAt").asText());
        assertThat(after.get("waitingDays").asLong()).as("waiting counts from the original date")
                .isEqualTo(before.get("waitingDays").asLong() + 3);

        JsonNode proposals = Api.body(api.get(path(child, "proposals") + "?area=2200&languages=so&limit=50", STROEM),
                200);
        assertThat(proposals.findValuesAsText("volunteerId")).doesNotContain(mentor);
        assertThat(proposals.at("/excluded/DECLINED_BY_FAMILY").asInt()).isEqualTo(1);
        HttpResponse<String> again = match(child, mentor);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(Contracts.parse(again.body()).get("obstacles")).extracting(JsonNode::asText)
                .containsExactly("DECLINED_BY_FAMILY");
        assertThat(answer(child, mentor, "\"answer\": \"ACCEPTED\", \"answeredBy\": \"BOTH\"").statusCode())
                .as("a second answer").isEqualTo(409);

        String data = EventProbe.value(ngoEvents.await(record -> declined(record, child.referralId())));
        Contracts.assertMatchesSchema("ngo-service", "ngo.match-declined.v1", data);
        JsonNode event = Contracts.parse(data);
        assertThat(fieldNames(event)).containsExactlyInAnyOrderElementsOf(
                fieldNames(Contracts.parse(Contracts.example("ngo-service", "ngo.match-declined.v1"))));
        assertThat(event.get("childId").asText()).isEqualTo(child.childId());
        assertThat(event.get("volunteerId").asText()).isEqualTo(mentor);
        assertThat(event.get("status").asText()).isEqualTo("WAITLISTED");
        assertThat(event.get("reason").asText()).isEqualTo("CHEMISTRY");
        assertThat(event.get("answeredBy").asText()).isEqualTo("CHILD");
        assertThat(data).as("the note stays with the NGO").doesNotContain("stille", "Drengen");

        // Another mentor, and this time the family says yes; the consent's end erases the note on the no.
        String next = People.active(api, STROEM, "STROEM", People.validCertificate());
        Referrals.matchAccepted(api, STROEM, child.referralId(), next);
        Referrals.withdrawConsent(api, STROEM, child, "URK_KBH");
        Document stored = mongo.findById(child.referralId(), Document.class, "inbox");
        Document declinedMatch = stored.getList("declinedMatches", Document.class).get(0);
        assertThat(declinedMatch.getString("volunteerId")).isEqualTo(mentor);
        assertThat(declinedMatch.get("familyAnswer", Document.class)).doesNotContainKey("note")
                .containsEntry("reason", "CHEMISTRY");
    }

    @Test
    void onlyTheCoordinatorOfTheChildsNgoRecordsAnAnswerToTheMatchProposedNow() throws Exception {
        String mentor = People.active(api, STROEM, "STROEM", People.validCertificate());
        Arrived child = waiting("{\"decision\": \"ACCEPTED\"}");
        String accepted = "\"answer\": \"ACCEPTED\", \"answeredBy\": \"CUSTODY_HOLDERS\"";
        assertThat(answer(child, mentor, accepted).statusCode()).as("nothing proposed yet").isEqualTo(409);
        Api.body(match(child, mentor), 200);

        assertThat(api.post(path(child, "family-answer"), POWERKIDS, body(mentor, accepted)).statusCode())
                .as("another NGO's child").isEqualTo(404);
        assertThat(audit.about(child.childId())).extracting(AuditRecord::action, AuditRecord::organisation)
                .contains(tuple("DENIED", "URK_AAR"));
        assertThat(api.post(path(child, "family-answer"), TestTokens.municipalStaff("caseworker", "0101"),
                body(mentor, accepted)).statusCode()).isEqualTo(403);
        assertThat(api.post(path(child, "family-answer"), volunteer("someone"),
                body(mentor, accepted)).statusCode()).isEqualTo(403);
        assertThat(answer(child, "another-person", accepted).statusCode()).as("not the match proposed now")
                .isEqualTo(409);
        assertField(answer(child, mentor, "\"answer\": \"DECLINED\", \"answeredBy\": \"BOTH\""), "reason");
        assertField(answer(child, mentor, accepted + ", \"reason\": \"GENDER\""), "reason");
        assertField(answer(child, mentor, accepted + ", \"answeredOn\": \"" + today().plusDays(1) + "\""),
                "answeredOn");
        assertField(answer(child, mentor, accepted + ", \"answeredOn\": \"" + today().minusDays(1) + "\""),
                "answeredOn");
        assertField(answer(child, mentor, "\"answer\": \"MAYBE\", \"answeredBy\": \"BOTH\""), "answer");
        assertField(answer(child, mentor, accepted + ", \"recordedBy\": \"someone\""), "recordedBy");
        assertThat(status(child)).as("nothing was written").isEqualTo("PROPOSED");
    }

    /** A STRØM referral of an 11-year-old, decided on as given. */
    private Arrived waiting(String decision) throws Exception {
        Arrived child = Referrals.arrive(api, STROEM, "STROEM", 11, "NORMAL");
        Referrals.decide(api, STROEM, child.referralId(), decision);
        return child;
    }

    private HttpResponse<String> match(Arrived child, String volunteerId) throws Exception {
        return post(child, "match", "{\"volunteerId\": \"" + volunteerId + "\"}");
    }

    private HttpResponse<String> answer(Arrived child, String volunteerId, String fields) throws Exception {
        return post(child, "family-answer", body(volunteerId, fields));
    }

    private static String volunteer(String login) {
        return TestTokens.issue(login, Map.of("roles", List.of("VOLUNTEER"), "org_type", "NGO", "org", "URK_KBH"));
    }

    private static String body(String volunteerId, String fields) {
        return "{\"volunteerId\": \"" + volunteerId + "\", " + fields + "}";
    }

    private HttpResponse<String> post(Arrived child, String action, String json) throws Exception {
        return api.post(path(child, action), STROEM, json);
    }

    private int freeCapacity(String volunteerId) throws Exception {
        return Api.body(api.get("/api/ngo/volunteers/" + volunteerId, STROEM), 200).get("freeCapacity").asInt();
    }

    private List<String> waitingIds() throws Exception {
        List<String> ids = new ArrayList<>();
        waitingList().get("entries").forEach(entry -> ids.add(entry.get("referralId").asText()));
        return ids;
    }

    private JsonNode entry(Arrived child) throws Exception {
        for (JsonNode entry : waitingList().get("entries")) {
            if (entry.get("referralId").asText().equals(child.referralId())) {
                return entry;
            }
        }
        throw new AssertionError("not on the waiting list: " + child.referralId());
    }

    private JsonNode waitingList() throws Exception {
        return Api.body(api.get("/api/ngo/waiting-list?intervention=STROEM", STROEM), 200);
    }

    private String status(Arrived child) throws Exception {
        for (JsonNode item : Api.body(api.get("/api/ngo/inbox", STROEM), 200)) {
            if (item.get("referralId").asText().equals(child.referralId())) {
                return item.get("status").asText();
            }
        }
        return null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DENMARK));
    }

    private static String path(Arrived child, String action) {
        return "/api/ngo/inbox/" + child.referralId() + "/" + action;
    }

    private static boolean declined(ConsumerRecord<byte[], byte[]> record, String referralId) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(referralId)
                && "ngo.match-declined.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
