package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * The caseworker view beyond one's own referrals: a team lead sees the team's, and other
 * professionals around the child follow a referral only with the custody holders' consent.
 * Real HTTP, store and broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamAndFollowersIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    String team;

    @BeforeEach
    void catalogue() {
        api = new Api(port);
        TestCatalogue.publish(api);
        team = "TEAM-" + UUID.randomUUID();
    }

    @Test
    void aTeamLeadSeesTheTeamsReferralsAndNobodyElseDoes() throws Exception {
        String teacher = staff("teacher", "TEACHER", team);
        String colleague = staff("colleague", "TEACHER", team);
        String outsider = staff("outsider", "TEACHER", "OTHER-" + team);
        String lead = staff("lead", "TEAM_LEAD", team);
        String mine = create(teacher);
        String colleagues = create(colleague);
        create(outsider);

        JsonNode teamList = Api.body(api.get("/api/referrals?scope=TEAM", lead), 200);

        assertThat(teamList.get("items")).extracting(item -> item.get("id").asText())
                .containsExactly(colleagues, mine);
        assertThat(teamList.at("/items/0/referrerRole").asText()).isEqualTo("TEACHER");
        assertThat(api.get("/api/referrals?scope=TEAM", teacher).statusCode()).as("not a team lead").isEqualTo(403);
        assertThat(Api.body(api.get("/api/referrals?scope=TEAM",
                TestTokens.issue("lead-cph", claims("0101", "TEAM_LEAD", team))), 200).get("items"))
                .as("the same team name in another municipality").isEmpty();
    }

    @Test
    void nobodyFollowsWithoutAnAnswerFromTheConsentService() throws Exception {
        // No consent service runs beside this module's tests: no answer is no (CONSENT.md rule 7). That a
        // consent naming the role lets a colleague follow, and its withdrawal ends it, ThinSliceIT shows.
        String teacher = staff("teacher", "TEACHER", team);
        String id = create(teacher);
        String follower = "{\"email\": \"psychologist@example.org\", \"role\": \"SCHOOL_PSYCHOLOGIST\"}";

        var noAnswer = api.post("/api/referrals/" + id + "/followers", teacher, follower);

        assertThat(noAnswer.statusCode()).isEqualTo(503);
        assertThat(noAnswer.body()).contains("consent-unavailable");
        assertThat(Api.body(api.get("/api/referrals/" + id, teacher), 200).get("followers")).isEmpty();
        assertThat(api.post("/api/referrals/" + id + "/followers", staff("other", "TEACHER", team), follower)
                .statusCode()).as("only the referrer shares").isEqualTo(404);
        var badRole = api.post("/api/referrals/" + id + "/followers", teacher,
                follower.replace("SCHOOL_PSYCHOLOGIST", "psychologist"));
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("\"field\":\"role\"");
        assertThat(api.post("/api/referrals/" + id + "/followers", teacher,
                follower.replace("}", ", \"custodyHoldersConsented\": true}")).statusCode())
                .as("the referrer's own say-so no longer counts").isEqualTo(400);
    }

    private String staff(String name, String role, String teamCode) {
        return TestTokens.issue(name + "-" + UUID.randomUUID(), claims("0751", role, teamCode));
    }

    private static Map<String, Object> claims(String municipality, String role, String teamCode) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("roles", List.of("MUNICIPAL_STAFF"),
                "org_type", "MUNICIPALITY", "org", municipality, "staff_role", role,
                "email", UUID.randomUUID() + "@example.org"));
        if (teamCode != null) {
            claims.put("team", teamCode);
        }
        return claims;
    }

    private String create(String token) throws Exception {
        return Api.body(api.post("/api/referrals", token, """
                {"child": {"firstName": "Noah", "lastName": "Friis", "birthDate": "2016-02-02", "gender": "BOY"},
                 "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"], "confirmDuplicate": true,
                 "childView": {"whatIsHard": "Skiftet mellem hjemmene", "wishes": "Nogen at tale med"}}"""), 201)
                .get("id").asText();
    }
}
