package dk.earlyhelp.ngo.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/** The coordinator's capacity view over real HTTP: their NGO's interventions only, the waiting child counted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class CapacityViewIntegrationTests {

    static final String GIRLTALK = TestTokens.ngoCoordinator("coordinator-girltalk", "GIRLTALK");

    @LocalServerPort
    int port;

    @Test
    void theCoordinatorSeesChildrenPeopleAndWhatIsMissingForTheirInterventionsOnly() throws Exception {
        Api api = new Api(port);
        int before = empowr(api).get("waiting").asInt();
        String referralId = Referrals.arrive(api, GIRLTALK, "EMPOWR", 15, "NORMAL").referralId();
        Referrals.decide(api, GIRLTALK, referralId, "{\"decision\": \"WAITLISTED\", \"expectedStart\": \"2099-01-01\"}");

        JsonNode empowr = empowr(api);

        assertThat(empowr.get("kind").asText()).isEqualTo("GROUP_COURSE");
        assertThat(empowr.get("waiting").asInt()).isEqualTo(before + 1);
        assertThat(empowr.at("/people/active").asInt()).as("the demo's volunteers").isPositive();
        assertThat(empowr.get("recruitment").isArray()).isTrue();
        assertThat(empowr.toString()).doesNotContain(referralId);
        assertThat(codes(Api.body(api.get("/api/ngo/capacity", GIRLTALK), 200))).containsExactly("EMPOWR");
        assertThat(api.get("/api/ngo/capacity", TestTokens.municipalStaff("teacher", "0240")).statusCode())
                .isEqualTo(403);
    }

    private static JsonNode empowr(Api api) throws Exception {
        for (JsonNode intervention : Api.body(api.get("/api/ngo/capacity", GIRLTALK), 200)) {
            if (intervention.get("interventionCode").asText().equals("EMPOWR")) {
                return intervention;
            }
        }
        throw new AssertionError("EMPOWR is missing from the capacity view");
    }

    private static List<String> codes(JsonNode interventions) {
        List<String> codes = new ArrayList<>();
        interventions.forEach(intervention -> codes.add(intervention.get("interventionCode").asText()));
        return codes;
    }
}
