package dk.earlyhelp.ngo.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.ServiceChecks;
import dk.earlyhelp.platform.test.TestTokens;

/** Partnerships of the demo catalogue, each visible only to those who take part in or steer it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class PartnershipIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void steeringGroupMemberSeesOnlyTheirPartnership() throws Exception {
        String member = TestTokens.issue("steering-aarhus", Map.of("roles", List.of("STEERING_GROUP"),
                "org_type", "MUNICIPALITY", "org", "0751", "partnerships", List.of("POWERKIDS-0751")));

        assertThat(ids(ServiceChecks.get(port, "/api/ngo/partnerships", member).body()))
                .contains("POWERKIDS-0751", "CYKELHJELM-0751").doesNotContain("STROEM-0101");
        assertThat(ServiceChecks.get(port, "/api/ngo/partnerships/STROEM-0101", member).statusCode())
                .as("another partnership answers like a missing one").isEqualTo(404);
    }

    @Test
    void administratorSeesEveryPartnershipOfTheCatalogue() throws Exception {
        String admin = TestTokens.issue("admin", Map.of("roles", List.of("ADMIN"), "org_type", "PLATFORM",
                "org", "PLATFORM"));

        List<String> ids = ids(ServiceChecks.get(port, "/api/ngo/partnerships", admin).body());

        // The demo catalogue's twelve; administrators' tests in the same store may add more elsewhere.
        assertThat(ids).filteredOn(id -> InterventionPublishedIntegrationTests.DEMO_INTERVENTIONS.contains(
                id.substring(0, id.lastIndexOf('-')))).hasSize(12)
                .contains("NEFOS_SUICIDE-0461", "NEFOS_SUICIDE-0410", "EMPOWR-0240");
        JsonNode powerkids = Contracts.parse(ServiceChecks.get(port, "/api/ngo/partnerships/POWERKIDS-0751", admin)
                .body());
        assertThat(powerkids.get("ngoCode").asText()).isEqualTo("URK_AAR");
        assertThat(powerkids.get("ngoName").asText()).as("for the dashboards' filters")
                .isEqualTo("Ungdommens Røde Kors Aarhus");
        assertThat(powerkids.get("model").asText()).isEqualTo("B2_PARTNERSHIP_DELIVERY");
        assertThat(powerkids.get("progressSharing").asText()).as("the default").isEqualTo("PROGRESS_WITH_CONSENT");
        assertThat(Contracts.parse(ServiceChecks.get(port, "/api/ngo/partnerships/NEFOS_SUICIDE-0461", admin).body())
                .get("progressSharing").asText()).isEqualTo("AGGREGATES_ONLY");
        assertThat(Contracts.parse(ServiceChecks.get(port, "/api/ngo/partnerships/NEFOS_SUICIDE-0410", admin).body())
                .get("progressSharing").asText()).as("a policy per partnership").isEqualTo("PROGRESS_WITH_CONSENT");
    }

    @Test
    void coordinatorSeesTheNgosOwnPartnerships() throws Exception {
        List<String> ids = ids(ServiceChecks.get(port, "/api/ngo/partnerships",
                TestTokens.ngoCoordinator("coordinator", "SIND_PR")).body());

        assertThat(ids).containsExactly("CYKELHJELM-0657", "CYKELHJELM-0751", "CYKELHJELM-0779", "CYKELHJELM-0791");
    }

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Contracts.parse(json).forEach(partnership -> ids.add(partnership.get("id").asText()));
        return ids;
    }
}
