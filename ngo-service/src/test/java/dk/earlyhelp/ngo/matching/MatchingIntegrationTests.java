package dk.earlyhelp.ngo.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.ngo.People;
import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.ngo.Referrals.Arrived;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SubjectPseudonym;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * STRØM's cluster mentor matches waiting children with mentors over real HTTP, on the real broker
 * and store, among the demo mentors: the hard rules exclude, the rest are ranked with reasons, and
 * a confirmed match takes a place and is published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class MatchingIntegrationTests {

    static final String STROEM = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    /** What the cluster mentor learned at intake: no demo mentor speaks Somali and likes astronomy. */
    static final String INTAKE = "area=2200&languages=so&interests=astronomy,chess&limit=50";
    static EventProbe ngoEvents;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    VolunteerManagement volunteers;

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
    void aMentorWithoutAValidCertificateIsNeverProposedNorMatchedForAChildUnder15() throws Exception {
        String fits = "\"languages\": [\"da\", \"so\"], \"interests\": [\"astronomy\", \"chess\"], \"postcode\": \"2200\"";
        String uncertified = People.active(api, STROEM, "STROEM", fits + ", " + People.expiredCertificate());
        String certified = People.active(api, STROEM, "STROEM", fits + ", " + People.validCertificate());
        Arrived child = waiting(10);

        JsonNode proposals = proposals(child, INTAKE);

        assertThat(volunteerIds(proposals)).contains(certified).doesNotContain(uncertified);
        assertThat(proposals.at("/excluded/NO_VALID_CERTIFICATE").asInt()).isPositive();
        HttpResponse<String> refused = match(child, uncertified);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = Contracts.parse(refused.body());
        assertThat(problem.get("type").asText()).endsWith("/matching-rule");
        assertThat(problem.get("obstacles")).extracting(JsonNode::asText).containsExactly("NO_VALID_CERTIFICATE");
        assertThat(problem.get("detail").asText()).contains("børneattest", "under 15");
        assertThat(status(child)).isEqualTo("ACCEPTED");

        Arrived fifteen = waiting(15);
        assertThat(volunteerIds(proposals(fifteen, INTAKE))).as("from 15 no certificate is needed")
                .contains(uncertified, certified);
    }

    @Test
    void proposalsAreRankedWithTheirReasons() throws Exception {
        String best = People.active(api, STROEM, "STROEM", People.validCertificate() + """
                , "languages": ["da", "so"], "interests": ["astronomy", "chess"], "postcode": "2200",
                "availability": ["TUE_EVENING", "SAT_DAYTIME"],
                "childPreferences": {"ageMin": 9, "ageMax": 12, "genders": ["GIRL"]}""");
        String partly = People.active(api, STROEM, "STROEM", People.validCertificate() + """
                , "languages": ["da"], "interests": ["astronomy"], "postcode": "2610",
                "availability": ["TUE_EVENING"], "childPreferences": {"ageMin": 13, "ageMax": 16}""");
        Arrived child = waiting(10);

        JsonNode proposals = proposals(child, INTAKE);

        assertThat(proposals.get("candidates").asInt()).isGreaterThanOrEqualTo(proposals.get("proposals").size());
        List<String> ranked = volunteerIds(proposals);
        assertThat(ranked.get(0)).isEqualTo(best);
        assertThat(ranked).contains(partly);
        JsonNode first = proposals.at("/proposals/0");
        assertThat(first.get("score").asInt()).isEqualTo(100);
        assertThat(first.get("displayName").asText()).startsWith("Mentor ");
        assertThat(first.get("reasons")).hasSize(7).allSatisfy(reason ->
                assertThat(reason.get("outcome").asText()).as(reason.toString()).isEqualTo("FITS"));
        JsonNode second = proposal(proposals, partly);
        assertThat(second.get("score").asInt()).isLessThan(first.get("score").asInt());
        assertThat(reason(second, "AGE").get("outcome").asText()).isEqualTo("MISSES");
        assertThat(reason(second, "AGE").get("detail").asText()).isEqualTo("prefers ages 13–16; the child is 10, "
                + "3 years outside");
        assertThat(reason(second, "DISTANCE").get("outcome").asText()).isEqualTo("PARTLY");
        assertThat(reason(second, "INTERESTS").get("detail").asText()).isEqualTo("shares astronomy");
        assertThat(reason(second, "LANGUAGE").get("outcome").asText()).isEqualTo("MISSES");

        JsonNode withoutIntake = proposals(child, "limit=50");
        assertThat(reason(proposal(withoutIntake, best), "DISTANCE").get("outcome").asText()).isEqualTo("NO_DATA");
        assertThat(reason(proposal(withoutIntake, best), "LANGUAGE").get("outcome").asText()).isEqualTo("NO_DATA");
        assertThat(audit.about(child.childId())).extracting(AuditRecord::action, AuditRecord::categories,
                AuditRecord::purpose).contains(tuple("READ", List.of("CONCERNS", "CONTACT"), "REFERRAL_AND_DELIVERY"));

        Api.body(api.post("/api/ngo/volunteers/" + partly + "/status", STROEM, "{\"status\": \"PAUSED\"}"), 200);
        assertThat(volunteerIds(proposals(child, INTAKE))).as("paused since the last proposals")
                .contains(best).doesNotContain(partly);
    }

    @Test
    void aConfirmedMatchTakesThePlaceAndIsPublishedWithTheMentorsIdAndLoginPseudonymOnly() throws Exception {
        String login = "mentor-" + UUID.randomUUID();
        String mentor = People.active(api, STROEM, "STROEM", People.validCertificate() + ", \"login\": \"" + login
                + "\"");
        Arrived child = waiting(11);

        HttpResponse<String> matched = match(child, mentor);

        JsonNode body = Api.body(matched, 200);
        assertThat(body.get("status").asText()).as("proposed to the family").isEqualTo("PROPOSED");
        assertThat(body.get("volunteerId").asText()).isEqualTo(mentor);
        assertThat(body.get("matchedBy").asText()).isEqualTo("coordinator-stroem");
        String data = EventProbe.value(ngoEvents.await(record -> progressed(record, child.referralId())));
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-progressed.v1", data);
        JsonNode event = Contracts.parse(data);
        assertThat(event.get("status").asText()).isEqualTo("MATCHED");
        assertThat(event.get("childId").asText()).isEqualTo(child.childId());
        assertThat(event.get("deliveredBy")).as("who delivers the course, for the volunteer's own children")
                .singleElement().satisfies(deliverer -> {
                    assertThat(deliverer.get("volunteerId").asText()).isEqualTo(mentor);
                    assertThat(deliverer.get("subjectPseudonym").asText()).isEqualTo(SubjectPseudonym.of(login));
                });
        assertThat(data).doesNotContain(login, "Mentor ");
        assertThat(Api.body(api.get("/api/ngo/volunteers/" + mentor, STROEM), 200).get("freeCapacity").asInt())
                .isZero();
        assertThat(Api.body(match(child, mentor), 200).get("status").asText()).as("the same match again")
                .isEqualTo("PROPOSED");
        assertThat(ngoEvents.seen(record -> progressed(record, child.referralId()))).hasSize(1);

        Arrived next = waiting(12);
        assertThat(volunteerIds(proposals(next, INTAKE))).doesNotContain(mentor);
        HttpResponse<String> full = match(next, mentor);
        assertThat(full.statusCode()).isEqualTo(422);
        assertThat(Contracts.parse(full.body()).get("obstacles")).extracting(JsonNode::asText)
                .containsExactly("NO_FREE_CAPACITY");
        assertThat(match(child, People.active(api, STROEM, "STROEM", People.validCertificate())).statusCode())
                .as("a matched child waits no more").isEqualTo(409);
    }

    @Test
    void twoCoordinatorsWhoCheckedTheSamePersonNeverOverbookThem() throws Exception {
        String id = People.active(api, STROEM, "STROEM", "PERSONAL_FIT", 2, People.validCertificate());
        Volunteer checked = volunteers.of("URK_KBH", List.of(id)).get(0);

        assertThat(volunteers.takePlace(checked, "referral-1")).isTrue();
        assertThat(volunteers.takePlace(checked, "referral-1")).as("the same again").isTrue();
        assertThat(volunteers.takePlace(checked, "referral-2")).isTrue();
        assertThat(volunteers.takePlace(checked, "referral-3")).as("both places taken").isFalse();
        assertThat(volunteers.givePlaceBack(id, "referral-1")).isTrue();
        assertThat(volunteers.givePlaceBack(id, "referral-1")).isFalse();
        assertThat(volunteers.takePlace(checked, "referral-3")).isTrue();
        assertThat(volunteers.of("URK_KBH", List.of(id)).get(0).matchedReferralIds())
                .containsExactly("referral-2", "referral-3");
    }

    @Test
    void onlyWaitingOneToOneChildrenOfTheCallersNgoWithTheirDetailsAreMatched() throws Exception {
        Arrived received = Referrals.arrive(api, STROEM, "STROEM", 10, "NORMAL");
        assertThat(api.get(path(received, "proposals"), STROEM).statusCode()).as("not decided on yet")
                .isEqualTo(409);
        assertThat(api.get(path(received, "proposals"), POWERKIDS).statusCode()).isEqualTo(404);
        assertThat(api.get(path(received, "proposals"), TestTokens.municipalStaff("teacher", "0101")).statusCode())
                .isEqualTo(403);
        assertThat(api.get(path(received, "proposals") + "?area=DK-2200", STROEM).statusCode()).isEqualTo(400);

        Arrived group = Referrals.arrive(api, POWERKIDS, "POWERKIDS", 10, "NORMAL");
        Referrals.decide(api, POWERKIDS, group.referralId(), "{\"decision\": \"ACCEPTED\"}");
        HttpResponse<String> groupCourse = api.get(path(group, "proposals"), POWERKIDS);
        assertThat(groupCourse.statusCode()).isEqualTo(409);
        assertThat(groupCourse.body()).contains("not-one-to-one");

        Arrived anonymous = waiting(9);
        Referrals.withdrawConsent(api, STROEM, anonymous, "URK_KBH");
        HttpResponse<String> withdrawn = api.get(path(anonymous, "proposals"), STROEM);
        assertThat(withdrawn.statusCode()).isEqualTo(409);
        assertThat(withdrawn.body()).contains("consent-withdrawn");
        String mentor = People.active(api, STROEM, "STROEM", People.validCertificate());
        assertThat(match(anonymous, mentor).statusCode()).isEqualTo(409);
        assertThat(match(waiting(9), "someone-else").statusCode()).isEqualTo(400);
    }

    /** A STRØM referral of a girl (the referral service's example) of this age, accepted. */
    private Arrived waiting(int age) throws Exception {
        Arrived child = Referrals.arrive(api, STROEM, "STROEM", age, "NORMAL");
        Referrals.decide(api, STROEM, child.referralId(), "{\"decision\": \"ACCEPTED\"}");
        return child;
    }

    private JsonNode proposals(Arrived child, String query) throws Exception {
        return Api.body(api.get(path(child, "proposals") + "?" + query, STROEM), 200);
    }

    private HttpResponse<String> match(Arrived child, String volunteerId) throws Exception {
        return api.post(path(child, "match"), STROEM, "{\"volunteerId\": \"" + volunteerId + "\"}");
    }

    private String status(Arrived child) throws Exception {
        for (JsonNode item : Api.body(api.get("/api/ngo/inbox", STROEM), 200)) {
            if (item.get("referralId").asText().equals(child.referralId())) {
                return item.get("status").asText();
            }
        }
        return null;
    }

    private static String path(Arrived child, String action) {
        return "/api/ngo/inbox/" + child.referralId() + "/" + action;
    }

    private static List<String> volunteerIds(JsonNode proposals) {
        List<String> ids = new ArrayList<>();
        proposals.get("proposals").forEach(proposal -> ids.add(proposal.get("volunteerId").asText()));
        return ids;
    }

    private static JsonNode proposal(JsonNode proposals, String volunteerId) {
        for (JsonNode proposal : proposals.get("proposals")) {
            if (proposal.get("volunteerId").asText().equals(volunteerId)) {
                return proposal;
            }
        }
        throw new AssertionError("Not proposed: " + volunteerId);
    }

    private static JsonNode reason(JsonNode proposal, String criterion) {
        for (JsonNode reason : proposal.get("reasons")) {
            if (reason.get("criterion").asText().equals(criterion)) {
                return reason;
            }
        }
        throw new AssertionError("No reason for " + criterion);
    }

    static boolean progressed(ConsumerRecord<byte[], byte[]> record, String referralId) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(referralId)
                && "ngo.referral-progressed.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }
}
