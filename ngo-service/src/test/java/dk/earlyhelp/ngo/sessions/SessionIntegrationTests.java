package dk.earlyhelp.ngo.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Running a group of GirlTalk's EmpowR over real HTTP and the store: its leader sees the group and
 * logs sessions with who came; another volunteer of the NGO or another NGO's coordinator gets 404
 * (audited), municipal staff 403; a session is logged once a day, never in the future, before the
 * start or beyond the course's sessions, and only names children seated in the group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class SessionIntegrationTests {

    static final String GIRLTALK = TestTokens.ngoCoordinator("coordinator-sessions", "GIRLTALK");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    Api api;
    String login;
    String groupId;
    Referrals.Arrived first;
    Referrals.Arrived second;

    @BeforeEach
    void aStartedGroupWithTwoChildren() throws Exception {
        api = new Api(port);
        login = "leader-" + UUID.randomUUID();
        String leader = Api.body(api.post("/api/ngo/volunteers", GIRLTALK, """
                {"displayName": "Gruppeleder", "kind": "VOLUNTEER", "qualification": "IN_RELEVANT_EDUCATION",
                 "capacity": 0, "interventionCodes": ["EMPOWR"], "status": "ACTIVE", "login": "%s",
                 "childProtectionCertificate": {"checkedOn": "%s", "validUntil": "%s"}}"""
                .formatted(login, TODAY.minusDays(30), TODAY.plusYears(2))), 201).get("id").asText();
        groupId = Api.body(api.post("/api/ngo/groups", GIRLTALK, """
                {"interventionCode": "EMPOWR", "startDate": "%s", "sessions": 2, "sessionEveryDays": 7,
                 "ageMin": 13, "ageMax": 17, "sizeLimit": 8, "leaderIds": ["%s"]}"""
                .formatted(TODAY.minusDays(7), leader)), 201).get("id").asText();
        first = seated();
        second = seated();
    }

    @Test
    void theLeaderLogsSessionsWithWhoCameAndSeesThemInTheirGroups() throws Exception {
        JsonNode logged = Api.body(api.post("/api/ngo/groups/" + groupId + "/sessions", leader(), session(TODAY.minusDays(7),
                first.referralId())), 201);
        assertThat(logged.get("present")).hasSize(1);
        assertThat(api.post("/api/ngo/groups/" + groupId + "/sessions", GIRLTALK, session(TODAY.minusDays(7)))
                .statusCode()).as("the same day twice").isEqualTo(409);
        Api.body(api.post("/api/ngo/groups/" + groupId + "/sessions", GIRLTALK, session(TODAY, first.referralId(),
                second.referralId())), 201);
        assertThat(Api.body(api.post("/api/ngo/groups/" + groupId + "/sessions", leader(), session(TODAY.minusDays(1))),
                409).get("type").asText()).as("both sessions are logged").endsWith("/all-sessions-logged");

        JsonNode mine = Api.body(api.get("/api/ngo/my-groups", leader()), 200);
        assertThat(mine).hasSize(1);
        assertThat(mine.at("/0/id").asText()).isEqualTo(groupId);
        assertThat(mine.at("/0/seats")).hasSize(2);
        assertThat(mine.at("/0/held")).extracting(held -> held.get("heldOn").asText())
                .containsExactly(TODAY.minusDays(7).toString(), TODAY.toString());
        assertThat(audit.about(second.childId())).extracting(AuditRecord::actor, AuditRecord::action,
                AuditRecord::resourceType).contains(org.assertj.core.groups.Tuple.tuple("coordinator-sessions",
                "CREATE", "group-session"), org.assertj.core.groups.Tuple.tuple(login, "READ", "group-seat"));
    }

    @Test
    void aSessionIsOfThePastFromTheStartAndNamesOnlySeatedChildren() throws Exception {
        for (String wrong : List.of(session(TODAY.plusDays(1)), session(TODAY.minusDays(8)),
                session(TODAY, "not-seated-here"), "{\"heldOn\": \"" + TODAY + "\", \"minutes\": 0, \"present\": []}",
                "{\"heldOn\": \"" + TODAY + "\", \"minutes\": 90}")) {
            assertThat(api.post("/api/ngo/groups/" + groupId + "/sessions", leader(), wrong).statusCode()).as(wrong)
                    .isEqualTo(400);
        }
        assertThat(Api.body(api.get("/api/ngo/groups/" + groupId + "/sessions", leader()), 200).get("held")).isEmpty();
    }

    @Test
    void nobodyElseRunsTheGroup() throws Exception {
        String otherVolunteer = volunteer("someone-" + UUID.randomUUID(), "GIRLTALK");
        String otherNgo = TestTokens.ngoCoordinator("coordinator-other", "URK_AAR");

        assertThat(api.post("/api/ngo/groups/" + groupId + "/sessions", otherVolunteer, session(TODAY)).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/ngo/groups/" + groupId + "/sessions", otherNgo).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/ngo/groups/" + groupId + "/sessions", TestTokens.municipalStaff("t-1", "0751"))
                .statusCode()).isEqualTo(403);
        assertThat(Api.body(api.get("/api/ngo/my-groups", otherVolunteer), 200)).isEmpty();
        assertThat(Api.body(api.get("/api/ngo/groups/" + groupId + "/sessions", GIRLTALK), 200).get("held")).isEmpty();
    }

    private Referrals.Arrived seated() throws Exception {
        Referrals.Arrived child = Referrals.arrive(api, GIRLTALK, "EMPOWR", 14, "NORMAL");
        Referrals.decide(api, GIRLTALK, child.referralId(), "{\"decision\": \"ACCEPTED\"}");
        Api.body(api.post("/api/ngo/groups/" + groupId + "/seats", GIRLTALK,
                "{\"referralId\": \"" + child.referralId() + "\"}"), 200);
        return child;
    }

    private String leader() {
        return volunteer(login, "GIRLTALK");
    }

    private static String session(LocalDate heldOn, String... present) {
        return "{\"heldOn\": \"%s\", \"minutes\": 90, \"present\": [%s]}".formatted(heldOn,
                String.join(", ", java.util.Arrays.stream(present).map(id -> "\"" + id + "\"").toList()));
    }

    /** A token for a volunteer of one NGO, as the gateway issues it. */
    private static String volunteer(String login, String ngoCode) {
        return TestTokens.issue(login, Map.of("roles", List.of("VOLUNTEER"), "org_type", "NGO", "org", ngoCode));
    }
}
