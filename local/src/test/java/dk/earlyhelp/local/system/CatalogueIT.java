package dk.earlyhelp.local.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The administrator maintains the catalogue through the gateway, and the other services' copies
 * follow over the real broker: an offer the administrator adds for Aarhus appears in the Aarhus
 * teacher's offer search with its partnership's model, and a new version of the partnership's terms
 * replaces it there. After the browser tests, whose journeys assume the demo catalogue of Aarhus.
 */
@Order(6)
class CatalogueIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static String portal;
    static String admin;
    static String teacher;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void systemIsRunning() throws Exception {
        portal = RunningSystem.portal();
        admin = UserTokens.accessToken(portal, "admin");
        teacher = UserTokens.accessToken(portal, "laerer.aarhus");
    }

    @Test
    void anOfferTheAdministratorAddsAndAModelChangeReachTheTeachersOfferSearch() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String ngo = "NGO_" + suffix;
        String offer = "SAMTALER_" + suffix;
        send("POST", "/api/ngo/ngos", admin, """
                {"code": "%s", "name": "Samtalehuset Aarhus", "staffing": "MOSTLY_VOLUNTEERS",
                 "volunteerQualification": "TRAINED_BY_NGO"}""".formatted(ngo), 201);
        send("POST", "/api/ngo/interventions", admin, """
                {"code": "%s", "name": "Samtaler om angst", "ngoCode": "%s", "types": ["INDIVIDUAL"],
                 "targetGroup": {"ageMin": 12, "ageMax": 17, "concerns": ["ANXIETY"]},
                 "format": {"kind": "COUNSELLING", "maxSessions": 6}, "deliveredBy": "NGO",
                 "measures": ["PSYCHOLOGICAL", "COPING"], "staircaseStep": 1,
                 "capacity": {"concurrentChildren": 10}}""".formatted(offer, ngo), 201);
        send("POST", "/api/ngo/partnerships", admin, """
                {"interventionCode": "%s", "municipalityCode": "0751", "model": "B1_PARTNERSHIP_RECRUITMENT",
                 "reason": "Samarbejdsaftale"}""".formatted(offer), 201);

        JsonNode found = offerInAarhus(offer, "B1_PARTNERSHIP_RECRUITMENT");
        assertThat(found.get("ngoName").asText()).isEqualTo("Samtalehuset Aarhus");
        assertThat(found.get("staircaseStep").asInt()).isEqualTo(1);

        send("POST", "/api/ngo/partnerships/" + offer + "-0751/versions", admin, """
                {"model": "A_FUNCTIONAL_SPLIT", "progressSharing": "AGGREGATES_ONLY",
                 "reason": "Kommunen visiterer alle børn fra nytår"}""", 201);
        offerInAarhus(offer, "A_FUNCTIONAL_SPLIT");
        JsonNode history = send("GET", "/api/ngo/partnerships/" + offer + "-0751/versions", admin, null, 200);
        assertThat(history).extracting(version -> version.get("model").asText())
                .containsExactly("B1_PARTNERSHIP_RECRUITMENT", "A_FUNCTIONAL_SPLIT");

        assertThat(send("POST", "/api/ngo/interventions", teacher, """
                {"code": "X_%s", "name": "Ikke mit", "ngoCode": "%s", "types": ["INDIVIDUAL"],
                 "targetGroup": {"ageMin": 12, "ageMax": 17}, "format": {"kind": "COUNSELLING"},
                 "deliveredBy": "NGO", "measures": ["COPING"], "staircaseStep": 1}""".formatted(suffix, ngo), 403)
                .get("status").asInt()).as("a teacher keeps no catalogue").isEqualTo(403);
    }

    /** The offer as the teacher's offer search shows it, once it has the model. */
    private JsonNode offerInAarhus(String code, String model) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode offer : send("GET", "/api/referrals/offers", teacher, null, 200)) {
                if (offer.get("code").asText().equals(code)) {
                    return offer;
                }
            }
            return null;
        }, offer -> offer != null && model.equals(offer.get("model").asText()));
    }

    private JsonNode send(String method, String path, String token, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }
}
