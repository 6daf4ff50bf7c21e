package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.consent.TestConsents;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * The caseworker view beyond one's own referrals: a team lead sees the team's, and other
 * professionals around the child follow a referral (with the custody holders' consent) and are
 * told of its news. Real HTTP, store and broker.
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
    void anotherProfessionalFollowsWithConsentAndIsToldOfTheNews() throws Exception {
        String teacher = staff("teacher", "TEACHER", team);
        String email = "psychologist-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> psychologistClaims = claims("0751", "SCHOOL_PSYCHOLOGIST", null);
        psychologistClaims.put("email", email);
        String psychologist = TestTokens.issue("psychologist", psychologistClaims);
        String id = create(teacher);
        TestConsents.grant(api, teacher, Api.body(api.get("/api/referrals/" + id, teacher), 200), "URK_AAR",
                "CONCERNS");

        var withoutConsent = api.post("/api/referrals/" + id + "/followers", teacher,
                "{\"email\": \"%s\", \"role\": \"SCHOOL_PSYCHOLOGIST\", \"custodyHoldersConsented\": false}"
                        .formatted(email));
        assertThat(withoutConsent.statusCode()).isEqualTo(400);
        assertThat(withoutConsent.body()).contains("\"field\":\"custodyHoldersConsented\"");
        assertThat(api.post("/api/referrals/" + id + "/followers", staff("other", "TEACHER", team),
                "{\"email\": \"%s\", \"role\": \"SCHOOL_PSYCHOLOGIST\", \"custodyHoldersConsented\": true}"
                        .formatted(email)).statusCode()).as("only the referrer shares").isEqualTo(404);

        JsonNode shared = Api.body(api.post("/api/referrals/" + id + "/followers", teacher,
                "{\"email\": \"%s\", \"role\": \"SCHOOL_PSYCHOLOGIST\", \"custodyHoldersConsented\": true}"
                        .formatted(email.toUpperCase())), 200);
        assertThat(shared.at("/followers/0/email").asText()).isEqualTo(email);
        assertThat(Api.body(api.get("/api/referrals/following", psychologist), 200))
                .extracting(item -> item.get("id").asText()).containsExactly(id);

        EventProbe.publishEvent("ngo.events", "ngo.referral-decided.v1", UUID.randomUUID().toString(), id,
                "{\"referralId\": \"%s\", \"decision\": \"ACCEPTED\", \"occurredAt\": \"2026-11-26T10:15:00Z\"}"
                        .formatted(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get("/api/referrals/notifications",
                psychologist), 200).get("unread").asInt() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.body(api.get("/api/referrals/notifications", teacher),
                200).get("unread").asInt() == 2);
        assertThat(Api.body(api.get("/api/referrals/notifications", teacher), 200).get("items"))
                .as("the referrer is told too, also that the consent let the referral go")
                .extracting(item -> item.get("status").asText()).containsExactly("ACCEPTED", "CONSENT_GIVEN");

        Api.body(api.delete("/api/referrals/" + id + "/followers/" + email, teacher), 200);
        assertThat(Api.body(api.get("/api/referrals/following", psychologist), 200)).isEmpty();
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
