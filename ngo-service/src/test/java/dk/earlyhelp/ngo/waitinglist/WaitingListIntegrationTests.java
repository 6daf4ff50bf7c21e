package dk.earlyhelp.ngo.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * The waiting list over real HTTP: Psykiatrifonden's conversation groups (a group course) and
 * Mentornetværket's volunteer counsellors (one-to-one), with the demo people and groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class WaitingListIntegrationTests {

    static final String PSYKIATRIFONDEN = TestTokens.ngoCoordinator("coordinator-samtalegrupper", "PSYKIATRIFONDEN");
    static final String MENTOR_ESB = TestTokens.ngoCoordinator("coordinator-mentor", "MENTOR_ESB");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void aGroupFillingUpPushesTheNextWaitingChildsStartToTheNextGroup() throws Exception {
        String leader = Api.body(api.post("/api/ngo/volunteers", PSYKIATRIFONDEN, """
                {"displayName": "Medarbejder", "kind": "STAFF", "qualification": "PROFESSIONAL", "capacity": 0,
                 "interventionCodes": ["SAMTALEGRUPPER"], "status": "ACTIVE",
                 "childProtectionCertificate": {"checkedOn": "%s", "validUntil": "%s"}}"""
                .formatted(TODAY.minusDays(10), TODAY.plusYears(2))), 201).get("id").asText();
        // Both start before the demo groups (two weeks ahead at the earliest), so they are offered first.
        String smallGroup = group(TODAY.plusDays(1), 1, leader);
        String nextGroup = group(TODAY.plusDays(2), 8, leader);
        Arrived waiting = Referrals.arrive(api, PSYKIATRIFONDEN, "SAMTALEGRUPPER", 10, "NORMAL");
        Referrals.decide(api, PSYKIATRIFONDEN, waiting.referralId(),
                "{\"decision\": \"WAITLISTED\", \"expectedStart\": \"" + TODAY.plusDays(30) + "\"}");
        String accepted = Referrals.arrive(api, PSYKIATRIFONDEN, "SAMTALEGRUPPER", 10, "NORMAL").referralId();
        Referrals.decide(api, PSYKIATRIFONDEN, accepted, "{\"decision\": \"ACCEPTED\"}");

        JsonNode before = waitingList(PSYKIATRIFONDEN, "SAMTALEGRUPPER");
        assertThat(before.get("kind").asText()).isEqualTo("GROUP_COURSE");
        assertThat(entry(before, waiting.referralId()).get("groupId").asText()).isEqualTo(smallGroup);
        assertThat(entry(before, waiting.referralId()).get("expectedStart").asText()).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(entry(before, accepted).get("groupId").asText()).as("accepted, waiting for a seat").isEqualTo(nextGroup);

        Api.body(api.post("/api/ngo/groups/" + smallGroup + "/seats", PSYKIATRIFONDEN,
                "{\"referralId\": \"" + accepted + "\"}"), 200);

        JsonNode after = waitingList(PSYKIATRIFONDEN, "SAMTALEGRUPPER");
        assertThat(referralIds(after)).doesNotContain(accepted);
        assertThat(entry(after, waiting.referralId()).get("groupId").asText()).isEqualTo(nextGroup);
        assertThat(entry(after, waiting.referralId()).get("expectedStart").asText()).isEqualTo(TODAY.plusDays(2).toString());
        assertThat(audit.about(waiting.childId())).extracting(AuditRecord::action).contains("READ");

        String urgent = Referrals.arrive(api, PSYKIATRIFONDEN, "SAMTALEGRUPPER", 11, "HIGH").referralId();
        Referrals.decide(api, PSYKIATRIFONDEN, urgent,
                "{\"decision\": \"WAITLISTED\", \"expectedStart\": \"" + TODAY.plusDays(30) + "\"}");
        List<String> order = referralIds(waitingList(PSYKIATRIFONDEN, "SAMTALEGRUPPER"));
        assertThat(order.indexOf(urgent)).as("urgent first").isLessThan(order.indexOf(waiting.referralId()));
    }

    @Test
    void aOneToOneChildStartsAfterTheIntakeWhenAnActiveCounsellorHasAFreePlace() throws Exception {
        Arrived child = Referrals.arrive(api, MENTOR_ESB, "MENTORNETVAERKET", 10, "NORMAL");
        Referrals.decide(api, MENTOR_ESB, child.referralId(),
                "{\"decision\": \"WAITLISTED\", \"expectedStart\": \"" + TODAY.plusDays(60) + "\"}");

        JsonNode list = waitingList(MENTOR_ESB, "MENTORNETVAERKET");

        assertThat(list.get("freePlaces").asInt()).as("the demo's active counsellors").isPositive();
        JsonNode entry = entry(list, child.referralId());
        assertThat(entry.get("expectedStart").asText()).isEqualTo(TODAY.plusDays(14).toString());
        assertThat(entry.get("reason").isNull()).isTrue();
        assertThat(entry.get("childId").asText()).isEqualTo(child.childId());
        assertThat(entry.get("status").asText()).isEqualTo("WAITLISTED");
    }

    @Test
    void onlyTheNgosOwnCoordinatorsReadItsWaitingLists() throws Exception {
        assertThat(api.get("/api/ngo/waiting-list?intervention=SAMTALEGRUPPER", MENTOR_ESB).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/ngo/waiting-list?intervention=SAMTALEGRUPPER", TestTokens.municipalStaff("teacher",
                "0175")).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/ngo/waiting-list", MENTOR_ESB).statusCode()).isEqualTo(400);
    }

    private String group(LocalDate start, int size, String leader) throws Exception {
        return Api.body(api.post("/api/ngo/groups", PSYKIATRIFONDEN, """
                {"interventionCode": "SAMTALEGRUPPER", "startDate": "%s", "sessions": 10, "sessionEveryDays": 7,
                 "ageMin": 7, "ageMax": 12, "sizeLimit": %d, "leaderIds": ["%s"]}"""
                .formatted(start, size, leader)), 201).get("id").asText();
    }

    private JsonNode waitingList(String token, String intervention) throws Exception {
        return Api.body(api.get("/api/ngo/waiting-list?intervention=" + intervention, token), 200);
    }

    private static JsonNode entry(JsonNode list, String referralId) {
        for (JsonNode entry : list.get("entries")) {
            if (entry.get("referralId").asText().equals(referralId)) {
                return entry;
            }
        }
        throw new AssertionError("Not on the waiting list: " + referralId);
    }

    private static List<String> referralIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("entries").forEach(entry -> ids.add(entry.get("referralId").asText()));
        return ids;
    }
}
