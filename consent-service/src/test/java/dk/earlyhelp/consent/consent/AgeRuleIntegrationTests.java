package dk.earlyhelp.consent.consent;

import static dk.earlyhelp.consent.ConsentFixtures.CASEWORKER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.consent.ConsentFixtures;
import dk.earlyhelp.consent.MovableClock;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * CONSENT.md rule 3 on the real store, through the API: a consent given while the child was 14
 * pauses at the 15th birthday (the clock is moved there) until staff record the young person's own
 * consent, and administrators can read the rules the decisions apply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class AgeRuleIntegrationTests {

    static final String ADMIN = TestTokens.issue("admin", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM",
            "org", "PLATFORM"));

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

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
    void aConsentGivenAt14PausesAtThe15thBirthdayUntilTheYoungPersonsOwnConsentIsRecorded() throws Exception {
        LocalDate today = Consent.dayOf(clock.instant());
        LocalDate fifteenth = today.plusDays(3);
        String child = UUID.randomUUID().toString();
        String id = Api.body(api.post("/api/consents", CASEWORKER, consent(child, fifteenth.minusYears(15), today)), 201)
                .get("id").asText();

        JsonNode given = Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")),
                200);
        assertThat(given.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(given.get("inForce").asBoolean()).isTrue();
        assertThat(given.get("ageRuleNote").isNull()).isTrue();
        assertThat(given.get("childBirthDate").asText()).isEqualTo(fifteenth.minusYears(15).toString());
        assertThat(ConsentFixtures.permitted(api, child)).isTrue();

        moveTo(fifteenth.atStartOfDay(Consent.ZONE).toInstant().plusSeconds(60));

        assertThat(ConsentFixtures.permitted(api, child)).as("from the 15th birthday").isFalse();
        JsonNode paused = ConsentFixtures.get(api, id);
        assertThat(paused.get("status").asText()).as("a pause, not an end").isEqualTo("ACTIVE");
        assertThat(paused.get("inForce").asBoolean()).isFalse();
        assertThat(paused.get("ageRuleNote").asText()).isEqualTo("YOUNG_PERSON_CONSENT_NEEDED");
        assertThat(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("CUSTODY_HOLDER")).statusCode())
                .as("an active consent takes only the young person's own").isEqualTo(409);

        JsonNode resumed = Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER, grantor("YOUNG_PERSON")),
                200);

        assertThat(resumed.get("inForce").asBoolean()).isTrue();
        assertThat(resumed.get("ageRuleNote").isNull()).isTrue();
        assertThat(resumed.get("grantors")).extracting(g -> g.get("role").asText())
                .containsExactly("CUSTODY_HOLDER", "YOUNG_PERSON");
        assertThat(ConsentFixtures.permitted(api, child)).isTrue();
    }

    @Test
    void aBirthDateInTheFutureIsRejected() throws Exception {
        LocalDate today = Consent.dayOf(clock.instant());

        HttpResponse<String> unborn = api.post("/api/consents", CASEWORKER,
                consent(UUID.randomUUID().toString(), today.plusDays(1), today));

        assertThat(unborn.statusCode()).isEqualTo(400);
        assertThat(Contracts.parse(unborn.body()).at("/errors/0/field").asText()).isEqualTo("childBirthDate");
    }

    @Test
    void administratorsSeeTheRulesTheDecisionsApply() throws Exception {
        JsonNode settings = Api.body(api.get("/api/consents/settings", ADMIN), 200);

        assertThat(settings.get("allCustodyHolders").asBoolean()).isTrue();
        assertThat(settings.get("youngPersonFrom").asInt()).isEqualTo(15);
        assertThat(settings.get("adultAt").asInt()).isEqualTo(18);
        assertThat(api.get("/api/consents/settings", CASEWORKER).statusCode()).isEqualTo(403);
    }

    private void moveTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    /** A consent for Powerkids that one custody holder gives, for a child born on {@code born}. */
    private static String consent(String childId, LocalDate born, LocalDate from) {
        return """
                {"childId": "%s", "childBirthDate": "%s", "grantees": ["URK_AAR"], "interventionCode": "POWERKIDS",
                 "purposes": ["REFERRAL_AND_DELIVERY"], "categories": ["CONTACT", "CONCERNS"],
                 "validFrom": "%s", "validUntil": "%s", "custodyHoldersRequired": 1, "textVersion": "da-2026-1"}
                """.formatted(childId, born, from, from.plusMonths(6));
    }

    private static String grantor(String role) {
        return "{\"role\": \"" + role + "\", \"method\": \"VERBAL_RECORDED\"}";
    }
}
