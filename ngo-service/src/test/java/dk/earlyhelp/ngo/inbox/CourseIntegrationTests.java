package dk.earlyhelp.ngo.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.ngo.People;
import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.ngo.Referrals.Arrived;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Running the course on the real broker and store: the coordinator records the start, the
 * completion or the drop-out, each published as {@code ngo.referral-progressed.v1}, and the
 * mentor's place or the group seat is free again at the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class CourseIntegrationTests {

    static final String STROEM = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final String GIRLTALK = TestTokens.ngoCoordinator("coordinator-empowr", "GIRLTALK");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    static EventProbe ngoEvents;

    @LocalServerPort
    int port;

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

    @Test
    void aMatchedChildStartsAndCompletesAndTheMentorsPlaceIsFreeAgain() throws Exception {
        String mentor = People.active(api, STROEM, "STROEM", People.validCertificate());
        Arrived child = matched(mentor);

        assertThat(post(child, "start", "{\"startedOn\": \"" + TODAY.plusDays(1) + "\"}").body())
                .contains("\"field\":\"startedOn\"");
        assertThat(post(child, "complete", "{\"needsAnotherOffer\": false}").statusCode()).as("not started")
                .isEqualTo(409);
        JsonNode started = Api.body(post(child, "start", "{\"startedOn\": \"" + TODAY + "\"}"), 200);
        assertThat(started.get("status").asText()).isEqualTo("STARTED");
        assertThat(started.at("/course/startedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(post(child, "start", "{\"startedOn\": \"" + TODAY + "\"}").statusCode()).isEqualTo(409);
        JsonNode startEvent = event(child, "STARTED");
        assertThat(startEvent.get("startedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(freeCapacity(mentor)).isZero();

        JsonNode completed = Api.body(post(child, "complete", """
                {"needsAnotherOffer": true, "note": "Barnet savner stadig voksenkontakt"}"""), 200);

        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.at("/course/needsAnotherOffer").asBoolean()).isTrue();
        assertThat(completed.at("/course/endedBy").asText()).isEqualTo("coordinator-stroem");
        JsonNode completeEvent = event(child, "COMPLETED");
        assertThat(completeEvent.get("needsAnotherOffer").asBoolean()).isTrue();
        assertThat(completeEvent.has("reason")).isFalse();
        assertThat(completeEvent.toString()).doesNotContain("voksenkontakt", "Mentor ");
        assertThat(completeEvent.at("/deliveredBy/0/volunteerId").asText()).as("the mentor, by id only")
                .isEqualTo(mentor);
        assertThat(completeEvent.at("/deliveredBy/0").has("subjectPseudonym")).as("the mentor has no login")
                .isFalse();
        assertThat(fieldNames(completeEvent)).isSubsetOf(fieldNames(Contracts.parse(
                Contracts.example("ngo-service", "ngo.referral-progressed.v1"))));
        assertThat(freeCapacity(mentor)).as("the place is free again").isEqualTo(1);
        assertThat(post(child, "drop-out", "{\"reason\": \"MOVED\", \"needsAnotherOffer\": false}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void aMatchedChildDropsOutWithAReasonBeforeStarting() throws Exception {
        String mentor = People.active(api, STROEM, "STROEM", People.validCertificate());
        Arrived child = matched(mentor);

        HttpResponse<String> noReason = post(child, "drop-out", "{\"needsAnotherOffer\": true}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(post(child, "drop-out", "{\"reason\": \"FAMILY_WITHDREW\"}").body())
                .contains("\"field\":\"needsAnotherOffer\"");
        assertThat(post(child, "drop-out", "{\"reason\": \"FAMILY_WITHDREW\", \"needsAnotherOffer\": true}",
                POWERKIDS).statusCode()).isEqualTo(404);

        JsonNode dropped = Api.body(post(child, "drop-out",
                "{\"reason\": \"FAMILY_WITHDREW\", \"needsAnotherOffer\": true}"), 200);

        assertThat(dropped.get("status").asText()).isEqualTo("DROPPED_OUT");
        assertThat(dropped.at("/course/dropOutReason").asText()).isEqualTo("FAMILY_WITHDREW");
        JsonNode event = event(child, "DROPPED_OUT");
        assertThat(event.get("reason").asText()).isEqualTo("FAMILY_WITHDREW");
        assertThat(event.get("needsAnotherOffer").asBoolean()).isTrue();
        assertThat(freeCapacity(mentor)).isEqualTo(1);
        assertThat(post(child, "start", "{\"startedOn\": \"" + TODAY + "\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void aChildWithASeatStartsAndDropsOutAndTheSeatIsFreeAgain() throws Exception {
        String leader = People.active(api, GIRLTALK, "EMPOWR", "PERSONAL_FIT", 0, People.validCertificate());
        String groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK, """
                {"interventionCode": "EMPOWR", "startDate": "%s", "sessions": 10, "sessionEveryDays": 14,
                 "ageMin": 13, "ageMax": 17, "sizeLimit": 4, "leaderIds": ["%s"]}""".formatted(TODAY.plusDays(3),
                leader)), 201).get("id").asText();
        Arrived child = Referrals.arrive(api, GIRLTALK, "EMPOWR", 14, "NORMAL");
        Referrals.decide(api, GIRLTALK, child.referralId(), "{\"decision\": \"ACCEPTED\"}");
        Api.body(api.post("/api/ngo/groups/" + groupId + "/seats", GIRLTALK,
                "{\"referralId\": \"" + child.referralId() + "\"}"), 200);

        Api.body(post(child, "start", "{\"startedOn\": \"" + TODAY + "\"}", GIRLTALK), 200);
        event(child, "STARTED");
        Api.body(post(child, "drop-out", "{\"reason\": \"CHILD_LOST_INTEREST\", \"needsAnotherOffer\": false}",
                GIRLTALK), 200);

        assertThat(event(child, "DROPPED_OUT").get("needsAnotherOffer").asBoolean()).isFalse();
        JsonNode group = Api.body(api.get("/api/ngo/groups/" + groupId, GIRLTALK), 200);
        assertThat(group.get("freeSeats").asInt()).isEqualTo(4);
    }

    @Test
    void aChildWhoseConsentEndedIsFollowedHereButNothingNewIsPublished() throws Exception {
        String mentor = People.active(api, STROEM, "STROEM", People.validCertificate());
        Arrived child = matched(mentor);
        event(child, "MATCHED");
        Referrals.withdrawConsent(api, STROEM, child, "URK_KBH");

        JsonNode dropped = Api.body(post(child, "drop-out", """
                {"reason": "OTHER", "needsAnotherOffer": false, "note": "Familien flyttede"}"""), 200);

        assertThat(dropped.get("status").asText()).isEqualTo("DROPPED_OUT");
        assertThat(freeCapacity(mentor)).isEqualTo(1);
        Document stored = mongo.findById(child.referralId(), Document.class, "inbox");
        assertThat(stored.getList("pendingEvents", Document.class)).isEmpty();
        Arrived other = matched(People.active(api, STROEM, "STROEM", People.validCertificate()));
        Api.body(post(other, "drop-out", "{\"reason\": \"OTHER\", \"needsAnotherOffer\": false}"), 200);
        event(other, "DROPPED_OUT");
        assertThat(ngoEvents.seen(record -> progressed(record, child.referralId())))
                .extracting(record -> Contracts.parse(EventProbe.value(record)).get("status").asText())
                .containsExactly("MATCHED");
    }

    /** A STRØM child accepted and matched with the mentor, and the family said yes. */
    private Arrived matched(String mentor) throws Exception {
        Arrived child = Referrals.arrive(api, STROEM, "STROEM", 11, "NORMAL");
        Referrals.decide(api, STROEM, child.referralId(), "{\"decision\": \"ACCEPTED\"}");
        Referrals.matchAccepted(api, STROEM, child.referralId(), mentor);
        return child;
    }

    private HttpResponse<String> post(Arrived child, String action, String json) throws Exception {
        return post(child, action, json, STROEM);
    }

    private HttpResponse<String> post(Arrived child, String action, String json, String token) throws Exception {
        return api.post("/api/ngo/inbox/" + child.referralId() + "/" + action, token, json);
    }

    private int freeCapacity(String volunteerId) throws Exception {
        return Api.body(api.get("/api/ngo/volunteers/" + volunteerId, STROEM), 200).get("freeCapacity").asInt();
    }

    /** The child's progress event with that status, checked against the contract. */
    private static JsonNode event(Arrived child, String status) {
        String data = EventProbe.value(ngoEvents.await(record -> progressed(record, child.referralId())
                && Contracts.parse(EventProbe.value(record)).get("status").asText().equals(status)));
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-progressed.v1", data);
        JsonNode event = Contracts.parse(data);
        assertThat(event.get("childId").asText()).isEqualTo(child.childId());
        return event;
    }

    private static boolean progressed(ConsumerRecord<byte[], byte[]> record, String referralId) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(referralId)
                && "ngo.referral-progressed.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
