package dk.earlyhelp.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole system as the run command starts it: gateway, services, the real broker and the
 * MongoDB-wire store on disk. A referral goes in at the gateway and comes out in the NGO's inbox,
 * and survives a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class ThinSliceIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path FIXTURES = Path.of("..", "..", "shared", "fixtures");
    static String portal;
    static String teacher;
    static String referralId;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void systemIsRunning() throws Exception {
        portal = RunningSystem.portal();
        teacher = UserTokens.accessToken(portal, "laerer.aarhus");
    }

    @Test
    @Order(1)
    void everyServiceReportsUpThroughTheGateway() throws Exception {
        // From outside the gateway shows the status only; each service's part needs an administrator.
        assertThat(JSON.readTree(get("/actuator/health", null).body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
        JsonNode health = JSON.readTree(get("/actuator/health", UserTokens.accessToken(portal, "admin")).body());

        assertThat(health.get("status").asText()).isEqualTo("UP");
        for (String service : new String[] { "referral-service", "ngo-service", "consent-service", "measurement-service" }) {
            assertThat(health.at("/components/services/components/" + service + "/status").asText())
                    .as(service).isEqualTo("UP");
        }
    }

    @Test
    @Order(2)
    void referralSubmittedAtTheGatewayReachesTheInboxOfTheNgoThatDeliversIt() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(portal + "/api/referrals"))
                .header("Authorization", "Bearer " + teacher)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"child": {"cpr": "%s", "firstName": "Alma", "lastName": "Jensen", "birthDate": "2015-03-14",
                                   "gender": "GIRL", "school": "Skjoldhøjskolen", "postcode": "8210"},
                         "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                         "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"], "urgency": "NORMAL",
                         "childView": {"whatIsHard": "Mor og far bor ikke sammen mere", "wishes": "At tale med nogen"}}
                        """.formatted(SyntheticCprs.ALMA))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode referral = JSON.readTree(created.body());
        referralId = referral.get("id").asText();
        assertThat(referral.get("consentState").asText()).as("no consent yet: held").isEqualTo("AWAITING");

        // The custody holder's consent, signed on paper, lets the referral go to the NGO.
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        ConsentsApi.recordOnPaper(portal, teacher, referral, "URK_AAR", "\"CONCERNS\", \"CHILD_VIEW\"",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        String powerkids = UserTokens.accessToken(portal, "koordinator.powerkids");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/ngo/inbox", powerkids).body().contains(referralId));
        JsonNode item = find(JSON.readTree(get("/api/ngo/inbox", powerkids).body()), referralId);
        assertThat(item.get("interventionCode").asText()).isEqualTo("POWERKIDS");
        assertThat(item.toString()).doesNotContain("Alma", "Jensen");

        String stroem = UserTokens.accessToken(portal, "koordinator.stroem");
        assertThat(get("/api/ngo/inbox", stroem).body()).doesNotContain(referralId);

        // One trace id, from the consent given at the gateway through the three services' JSON logs.
        Path logs = RunningSystem.get().dataDir().resolve("logs");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Files.readString(logs.resolve("consent-service.log"))).contains("\"traceId\":\"" + traceId);
            assertThat(Files.readString(logs.resolve("referral-service.log"))).contains("\"traceId\":\"" + traceId);
            assertThat(Files.readString(logs.resolve("ngo-service.log"))).contains("\"traceId\":\"" + traceId);
        });
        assertThat(Files.readString(logs.resolve("ngo-service.log"))).doesNotContain("Alma");
    }

    @Test
    @Order(3)
    void theReferrerSeesTheNgosDecisionClosedLoop() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> status(referralId).equals("RECEIVED"));
        String powerkids = UserTokens.accessToken(portal, "koordinator.powerkids");

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(portal + "/api/ngo/inbox/"
                        + referralId + "/decision"))
                .header("Authorization", "Bearer " + powerkids).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"ACCEPTED\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(referralId).equals("ACCEPTED"));
    }

    @Test
    @Order(4)
    void theNgoReadsTheChildsDetailsOnlyWhileTheConsentLasts() throws Exception {
        JsonNode referral = JSON.readTree(get("/api/referrals/" + ReferralsApi.submit(portal, teacher, "Ida", "Holm",
                "2015-05-05", "GIRL"), teacher).body());
        String id = referral.get("id").asText();
        String consent = ConsentsApi.recordOnPaper(portal, teacher, referral, "URK_AAR",
                "\"CONCERNS\", \"CHILD_VIEW\", \"CONTACT\"", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get("/api/referrals/" + id, teacher).body())
                .get("consentState").asText().equals("GIVEN"));
        String powerkids = UserTokens.accessToken(portal, "koordinator.powerkids");

        JsonNode shared = JSON.readTree(get("/api/referrals/" + id + "/for-ngo", powerkids).body());
        assertThat(shared.get("childFirstName").asText()).isEqualTo("Ida");
        assertThat(shared.at("/childView/whatIsHard").asText()).isEqualTo("Mor og far skændes");
        assertThat(shared.get("withheld")).extracting(JsonNode::asText)
                .as("not consented to").containsExactly("SCHOOL", "FAMILY_SITUATION");

        ConsentsApi.withdraw(portal, teacher, consent);

        HttpResponse<String> after = get("/api/referrals/" + id + "/for-ngo", powerkids);
        assertThat(after.statusCode()).isEqualTo(200);
        JsonNode withdrawn = JSON.readTree(after.body());
        assertThat(withdrawn.has("childFirstName")).as("at once, at the next read").isFalse();
        assertThat(withdrawn.has("childView")).isFalse();
        assertThat(withdrawn.has("concerns")).isFalse();
        assertThat(after.body()).doesNotContain("Ida", "Holm", "Hanne");
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get("/api/referrals/" + id + "/for-ngo",
                powerkids).body()).path("withheldBecause").asText().equals("CONSENT_WITHDRAWN"));
    }

    @Test
    @Order(4)
    void clientCredentialsTokenIsIssuedAtTheGatewayAndAcceptedByAService() throws Exception {
        String steering = UserTokens.clientToken(portal, "demo-steering", "demo-steering-secret");

        HttpResponse<String> partnerships = get("/api/ngo/partnerships", steering);

        assertThat(partnerships.statusCode()).isEqualTo(200);
        assertThat(partnerships.body()).contains("POWERKIDS-0751", "STROEM-0101");
    }

    @Test
    @Order(4)
    void aMunicipalCaseSystemPushesAReferralWithClientCredentials() throws Exception {
        String caseSystem = UserTokens.clientToken(portal, "demo-case-system", "demo-case-system-secret");

        String referralId = ReferralsApi.submit(portal, caseSystem, "Karl", "Lind", "2015-06-06", "BOY");

        HttpResponse<String> pushed = get("/api/referrals/" + referralId, caseSystem);
        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(pushed.body()).contains("\"status\":\"SUBMITTED\"");
        assertThat(get("/api/referrals/" + referralId, teacher).statusCode())
                .as("colleagues in the municipality follow it too").isEqualTo(200);
    }

    @Test
    @Order(4)
    void theDemoAnswersGiveTheFixturesFiguresAndImportingThemAgainAddsNothing() throws Exception {
        String steering = UserTokens.clientToken(portal, "demo-steering", "demo-steering-secret");
        JsonNode expected = JSON.readTree(Files.readString(FIXTURES.resolve("outcomes-public.expected.json")));
        String expectedBefore = expected.at("/dimensions/0/occasions/BEFORE/n").asText();
        // The demo answers are imported as soon as the catalogue has reached measurement-service.
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(get("/api/outcomes", steering).body())
                .at("/dimensions/0/occasions/BEFORE/n").asText().equals(expectedBefore));

        String ndjson = Files.readString(FIXTURES.resolve("outcomes-public.ndjson"));
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(portal + "/api/measurements/imports"))
                .header("Authorization", "Bearer " + UserTokens.clientToken(portal, "demo-import", "demo-import-secret"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("imported").asInt()).isZero();
        JsonNode figures = JSON.readTree(get("/api/outcomes", steering).body());
        assertThat(figures.get("dimensions").size()).isEqualTo(expected.get("dimensions").size());
        assertThat(figures.at("/dimensions/0/comparisons/0/pValue").asDouble())
                .isCloseTo(expected.at("/dimensions/0/comparisons/0/pValue").asDouble(), within(1e-12));
        assertThat(figures.get("followUp").get("due").asInt()).isPositive();
    }

    @Test
    @Order(4)
    void theSteeringGroupSeesTheReferralFunnelOfItsPartnerships() throws Exception {
        String steering = UserTokens.accessToken(portal, "styregruppe.aarhus");

        // The Powerkids referral of the earlier steps was submitted and accepted.
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get("/api/operations", steering).body())
                .at("/funnel/2/count").asInt() >= 1);
        JsonNode operations = JSON.readTree(get("/api/operations", steering).body());
        assertThat(operations.at("/funnel/0/count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(operations.at("/responseDays/n").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(operations.at("/sources/TEACHER").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/operations", teacher).statusCode()).as("not for municipal staff").isEqualTo(403);
    }

    @Test
    @Order(5)
    void requestWithoutTokenGets401AndWithTheWrongOrganisation403() throws Exception {
        assertThat(get("/api/ngo/inbox", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/ngo/inbox", teacher).statusCode()).as("a municipality reading an NGO inbox").isEqualTo(403);
        assertThat(get("/api/referrals", UserTokens.clientToken(portal, "demo-import", "demo-import-secret"))
                .statusCode()).as("an import client reading referrals").isEqualTo(403);
    }

    @Test
    @Order(6)
    void restartKeepsTheReferralAndTheLogins() throws Exception {
        RunningSystem.restart();

        HttpResponse<String> referral = get("/api/referrals/" + referralId, teacher);

        assertThat(referral.statusCode()).as("the token from before the restart is still valid").isEqualTo(200);
        assertThat(JSON.readTree(referral.body()).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(get("/api/ngo/inbox", UserTokens.accessToken(portal, "koordinator.powerkids")).body())
                .contains(referralId);
    }

    private String status(String id) throws Exception {
        return JSON.readTree(get("/api/referrals/" + id, teacher).body()).get("status").asText();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(JsonNode items, String referralId) {
        for (JsonNode item : items) {
            if (item.get("referralId").asText().equals(referralId)) {
                return item;
            }
        }
        throw new AssertionError("No inbox item for " + referralId);
    }
}
