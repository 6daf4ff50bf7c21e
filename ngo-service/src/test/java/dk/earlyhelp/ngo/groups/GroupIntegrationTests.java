package dk.earlyhelp.ngo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.ngo.Referrals.Arrived;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SubjectPseudonym;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Groups of GirlTalk's EmpowR (girls 13–17) over real HTTP, the broker and the store: leaders
 * checked, seats never overbooked, a waitlisted child offered a seat is accepted and the referrer hears it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class GroupIntegrationTests {

    static final String GIRLTALK = TestTokens.ngoCoordinator("coordinator-empowr", "GIRLTALK");
    static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    static EventProbe ngoEvents;

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    Api api;
    String leader;

    @BeforeAll
    static void listen() {
        ngoEvents = EventProbe.on("ngo.events");
    }

    @AfterAll
    static void stopListening() {
        ngoEvents.close();
    }

    @BeforeEach
    void leader() throws Exception {
        api = new Api(port);
        leader = person("ACTIVE", certificate(TODAY.minusDays(30), TODAY.plusYears(2)));
    }

    @Test
    void leadersMustBeActiveAndHoldACertificateWhenTheGroupTakesChildrenUnder15() throws Exception {
        String noCertificate = person("ACTIVE", null);
        String applicant = person("APPLICANT", certificate(TODAY.minusDays(30), TODAY.plusYears(2)));

        HttpResponse<String> refused = api.post("/api/ngo/groups", GIRLTALK,
                group(TODAY.plusDays(30), 13, 17, 10, noCertificate, applicant, "somebody-else"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(refused.body()).at("/errors/0/field").asText()).isEqualTo("leaderIds");
        assertThat(refused.body()).contains(noCertificate + " has no child protection certificate valid on",
                applicant + " is APPLICANT, not ACTIVE", "somebody-else is not a volunteer or staff member");
        JsonNode fifteenPlus = Api.body(api.post("/api/ngo/groups", GIRLTALK,
                group(TODAY.plusDays(30), 15, 17, 10, noCertificate)), 201);
        assertThat(fifteenPlus.get("freeSeats").asInt()).isEqualTo(10);
        assertThat(fifteenPlus.get("lastSessionOn").asText()).isEqualTo(TODAY.plusDays(30 + 9 * 14).toString());
    }

    @Test
    void aGroupBelongsToOneOfTheNgosGroupCoursesAndHasASensibleBand() throws Exception {
        HttpResponse<String> others = api.post("/api/ngo/groups", GIRLTALK,
                group(TODAY.plusDays(30), 13, 17, 10, leader).replace("EMPOWR", "POWERKIDS"));
        HttpResponse<String> notAGroupCourse = api.post("/api/ngo/groups",
                TestTokens.ngoCoordinator("coordinator-klub-move", "JBF"),
                group(TODAY.plusDays(30), 13, 17, 10, leader).replace("EMPOWR", "KLUB_MOVE"));
        HttpResponse<String> upsideDown = api.post("/api/ngo/groups", GIRLTALK, group(TODAY.plusDays(30), 17, 13, 10, leader));

        assertThat(others.statusCode()).isEqualTo(400);
        assertThat(others.body()).contains("\"field\":\"interventionCode\"");
        assertThat(notAGroupCourse.statusCode()).isEqualTo(400);
        assertThat(notAGroupCourse.body()).contains("is not a group course");
        assertThat(upsideDown.statusCode()).isEqualTo(400);
        assertThat(upsideDown.body()).contains("\"field\":\"ageMax\"");
    }

    @Test
    void twoConcurrentPlacementsForTheLastSeatLeaveExactlyOneWinner() throws Exception {
        String groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK, group(TODAY.plusDays(20), 13, 17, 1, leader)), 201)
                .get("id").asText();
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String referralId = Referrals.arrive(api, GIRLTALK, "EMPOWR", 14, "NORMAL").referralId();
            Referrals.decide(api, GIRLTALK, referralId, "{\"decision\": \"ACCEPTED\"}");
            referrals.add(referralId);
        }

        List<Integer> statuses = placeAtOnce(groupId, referrals);

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode group = Api.body(api.get("/api/ngo/groups/" + groupId, GIRLTALK), 200);
        assertThat(group.get("seats")).hasSize(1);
        assertThat(group.get("freeSeats").asInt()).isZero();
        String winner = group.at("/seats/0/referralId").asText();
        assertThat(inboxItem(winner).get("groupId").asText()).isEqualTo(groupId);
        String loser = referrals.get(0).equals(winner) ? referrals.get(1) : referrals.get(0);
        assertThat(inboxItem(loser).get("groupId").isNull()).isTrue();
    }

    @Test
    void aWaitlistedChildOfferedASeatIsAcceptedAndTheReferrerHearsTheStart() throws Exception {
        LocalDate start = TODAY.plusDays(24);
        String groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK, group(start, 13, 17, 10, leader)), 201)
                .get("id").asText();
        Arrived child = Referrals.arrive(api, GIRLTALK, "EMPOWR", 13, "NORMAL");
        Referrals.decide(api, GIRLTALK, child.referralId(),
                "{\"decision\": \"WAITLISTED\", \"expectedStart\": \"" + TODAY.plusDays(90) + "\"}");

        JsonNode group = Api.body(api.post("/api/ngo/groups/" + groupId + "/seats", GIRLTALK,
                "{\"referralId\": \"" + child.referralId() + "\"}"), 200);

        assertThat(group.at("/seats/0/childId").asText()).isEqualTo(child.childId());
        assertThat(group.get("freeSeats").asInt()).isEqualTo(9);
        JsonNode item = inboxItem(child.referralId());
        assertThat(item.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(item.get("groupId").asText()).isEqualTo(groupId);
        ConsumerRecord<byte[], byte[]> decided = ngoEvents.await(record -> isDecided(record, child.referralId())
                && Contracts.parse(EventProbe.value(record)).get("decision").asText().equals("ACCEPTED"));
        String data = EventProbe.value(decided);
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-decided.v1", data);
        assertThat(Contracts.parse(data).get("expectedStart").asText()).isEqualTo(start.toString());
        assertThat(data).doesNotContain(child.childId(), groupId);

        JsonNode again = Api.body(api.post("/api/ngo/groups/" + groupId + "/seats", GIRLTALK,
                "{\"referralId\": \"" + child.referralId() + "\"}"), 200);
        assertThat(again.get("freeSeats").asInt()).as("placing the same child again changes nothing").isEqualTo(9);
        assertThat(audit.about(child.childId())).extracting(AuditRecord::action, AuditRecord::resourceType)
                .contains(tuple("UPDATE", "inbox-referral"),
                        tuple("READ", "group"));
    }

    @Test
    void aStartedChildIsPublishedWithTheGroupsLeadersAsWhoDeliversTheCourse() throws Exception {
        String login = "leader-" + UUID.randomUUID();
        String signsIn = person("ACTIVE", certificate(TODAY.minusDays(30), TODAY.plusYears(2)), login);
        String leaves = person("ACTIVE", certificate(TODAY.minusDays(30), TODAY.plusYears(2)), login + "-leaves");
        String groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK,
                group(TODAY.plusDays(7), 13, 17, 10, signsIn, leader, leaves)), 201).get("id").asText();
        Api.body(api.post("/api/ngo/volunteers/" + leaves + "/status", GIRLTALK, "{\"status\": \"LEFT\"}"), 200);
        Arrived child = Referrals.arrive(api, GIRLTALK, "EMPOWR", 14, "NORMAL");
        Referrals.decide(api, GIRLTALK, child.referralId(), "{\"decision\": \"ACCEPTED\"}");
        Api.body(api.post("/api/ngo/groups/" + groupId + "/seats", GIRLTALK,
                "{\"referralId\": \"" + child.referralId() + "\"}"), 200);

        Api.body(api.post("/api/ngo/inbox/" + child.referralId() + "/start", GIRLTALK,
                "{\"startedOn\": \"" + TODAY + "\"}"), 200);

        String data = EventProbe.value(ngoEvents.await(record -> isProgressed(record, child.referralId())));
        Contracts.assertMatchesSchema("ngo-service", "ngo.referral-progressed.v1", data);
        JsonNode event = Contracts.parse(data);
        assertThat(event.get("status").asText()).isEqualTo("STARTED");
        assertThat(event.get("deliveredBy")).extracting(deliverer -> deliverer.get("volunteerId").asText(),
                deliverer -> deliverer.path("subjectPseudonym").asText(null))
                .as("the leaders who have not left, the one without a login by id only")
                .containsExactly(tuple(signsIn, SubjectPseudonym.of(login)), tuple(leader, null));
        assertThat(data).doesNotContain(login, "Gruppeleder", groupId);
    }

    @Test
    void seatsAreRefusedWhenTheChildCannotHaveOne() throws Exception {
        String groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK, group(TODAY.plusDays(20), 13, 17, 10, leader)), 201)
                .get("id").asText();
        String tooYoung = Referrals.arrive(api, GIRLTALK, "EMPOWR", 12, "NORMAL").referralId();
        Referrals.decide(api, GIRLTALK, tooYoung, "{\"decision\": \"ACCEPTED\"}");
        String undecided = Referrals.arrive(api, GIRLTALK, "EMPOWR", 14, "NORMAL").referralId();
        String othersChild = Referrals.arrive(api, POWERKIDS, "POWERKIDS", 10, "NORMAL").referralId();

        HttpResponse<String> ageOutside = seat(GIRLTALK, groupId, tooYoung);
        assertThat(ageOutside.statusCode()).isEqualTo(400);
        assertThat(ageOutside.body()).contains("\"field\":\"referralId\"", "age 12 is outside the group's age band 13–17");
        assertThat(seat(GIRLTALK, groupId, undecided).statusCode()).isEqualTo(409);
        assertThat(seat(GIRLTALK, groupId, othersChild).statusCode()).isEqualTo(404);
        assertThat(seat(POWERKIDS, groupId, othersChild).statusCode()).as("another NGO's group").isEqualTo(404);
        assertThat(seat(TestTokens.municipalStaff("teacher", "0240"), groupId, undecided).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/ngo/groups", TestTokens.municipalStaff("teacher", "0240")).statusCode()).isEqualTo(403);
        assertThat(Api.body(api.get("/api/ngo/groups/" + groupId, GIRLTALK), 200).get("seats")).isEmpty();
    }

    @Test
    void aWithdrawnChildGivesTheSeatBack() throws Exception {
        String groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK, group(TODAY.plusDays(20), 13, 17, 2, leader)), 201)
                .get("id").asText();
        String referralId = Referrals.arrive(api, GIRLTALK, "EMPOWR", 15, "HIGH").referralId();
        Referrals.decide(api, GIRLTALK, referralId, "{\"decision\": \"ACCEPTED\"}");
        Api.body(seat(GIRLTALK, groupId, referralId), 200);

        Referrals.withdraw(referralId);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.body(api.get("/api/ngo/groups/" + groupId, GIRLTALK), 200).get("freeSeats").asInt() == 2);
    }

    @Test
    void theDemoGroupsFollowTheCatalogue() throws Exception {
        JsonNode groups = Api.body(api.get("/api/ngo/groups?intervention=EMPOWR", GIRLTALK), 200);
        List<JsonNode> demo = new ArrayList<>();
        groups.forEach(group -> {
            if (group.get("id").asText().startsWith("demo-empowr-g")) {
                demo.add(group);
            }
        });

        assertThat(demo).hasSize(2).allSatisfy(group -> {
            assertThat(group.get("ageMin").asInt()).isEqualTo(13);
            assertThat(group.get("ageMax").asInt()).isEqualTo(17);
            assertThat(group.get("sizeLimit").asInt()).isEqualTo(10);
            assertThat(group.get("sessions").asInt()).isEqualTo(10);
            assertThat(group.get("sessionEveryDays").asInt()).isEqualTo(14);
            assertThat(group.get("leaderIds")).hasSize(2);
            group.get("leaderIds").forEach(id -> assertThat(id.asText()).startsWith("demo-empowr-v"));
        });
        LocalDate first = LocalDate.parse(demo.get(0).get("startDate").asText());
        LocalDate second = LocalDate.parse(demo.get(1).get("startDate").asText());
        assertThat(first).isBetween(TODAY.plusDays(14), TODAY.plusDays(21));
        assertThat(second).isBetween(first.plusWeeks(4), first.plusWeeks(6));
        assertThat(Api.body(api.get("/api/ngo/groups?intervention=POWERKIDS", POWERKIDS), 200)).hasSize(3);
    }

    private List<Integer> placeAtOnce(String groupId, List<String> referralIds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(referralIds.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> placements = new ArrayList<>();
            for (String referralId : referralIds) {
                placements.add(pool.submit(() -> {
                    go.await();
                    return seat(GIRLTALK, groupId, referralId).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> placement : placements) {
                statuses.add(placement.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> seat(String token, String groupId, String referralId) throws Exception {
        return api.post("/api/ngo/groups/" + groupId + "/seats", token, "{\"referralId\": \"" + referralId + "\"}");
    }

    private JsonNode inboxItem(String referralId) throws Exception {
        for (JsonNode item : Api.body(api.get("/api/ngo/inbox", GIRLTALK), 200)) {
            if (item.get("referralId").asText().equals(referralId)) {
                return item;
            }
        }
        throw new AssertionError("No inbox item for " + referralId);
    }

    /** A person on EmpowR, in the given status. */
    private String person(String status, String certificate) throws Exception {
        return person(status, certificate, null);
    }

    /** A person on EmpowR, in the given status, who signs in as {@code login} (null: no login). */
    private String person(String status, String certificate, String login) throws Exception {
        String json = """
                {"displayName": "Gruppeleder", "kind": "VOLUNTEER", "qualification": "IN_RELEVANT_EDUCATION",
                 "capacity": 0, "interventionCodes": ["EMPOWR"], "status": "%s"%s%s}"""
                .formatted(status, certificate == null ? "" : ", \"childProtectionCertificate\": " + certificate,
                        login == null ? "" : ", \"login\": \"" + login + "\"");
        return Api.body(api.post("/api/ngo/volunteers", GIRLTALK, json), 201).get("id").asText();
    }

    private static String certificate(LocalDate checkedOn, LocalDate validUntil) {
        return "{\"checkedOn\": \"%s\", \"validUntil\": \"%s\"}".formatted(checkedOn, validUntil);
    }

    private static String group(LocalDate start, int ageMin, int ageMax, int size, String... leaders) {
        return """
                {"interventionCode": "EMPOWR", "startDate": "%s", "sessions": 10, "sessionEveryDays": 14,
                 "ageMin": %d, "ageMax": %d, "sizeLimit": %d, "leaderIds": [%s]}"""
                .formatted(start, ageMin, ageMax, size, String.join(", ",
                        Arrays.stream(leaders).map(id -> "\"" + id + "\"").toList()));
    }

    private static boolean isProgressed(ConsumerRecord<byte[], byte[]> record, String referralId) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(referralId)
                && "ngo.referral-progressed.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }

    private static boolean isDecided(ConsumerRecord<byte[], byte[]> record, String referralId) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(referralId)
                && "ngo.referral-decided.v1".equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }
}
