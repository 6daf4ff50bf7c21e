package dk.earlyhelp.referrals.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * The administrators' audit search (the platform's, as every service has it) on the real store and
 * HTTP: a child's reads and refused attempts are found by pseudonym and decision, newest first;
 * only administrators search, bad filters are 400, and each search is itself recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditSearchIntegrationTests {

    static final String ADMIN = TestTokens.issue("admin-audit", Map.of("roles", List.of("ADMIN"), "org_type",
            "PLATFORM", "org", "PLATFORM"));

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    Api api;

    @BeforeEach
    void catalogue() {
        api = new Api(port);
        TestCatalogue.publish(api);
    }

    @Test
    void anAdministratorFindsWhoReadAChildsReferralAndWhoWasRefused() throws Exception {
        String teacherId = "teacher-" + UUID.randomUUID();
        String teacher = TestTokens.municipalStaff(teacherId, "0751");
        JsonNode referral = Api.body(api.post("/api/referrals", teacher, ReferralIntegrationTests.validReferral()), 201);
        String id = referral.get("id").asText();
        String child = referral.at("/child/id").asText();
        Api.body(api.get("/api/referrals/" + id, teacher), 200);
        String stranger = "caseworker-" + UUID.randomUUID();
        assertThat(api.get("/api/referrals/" + id, TestTokens.municipalStaff(stranger, "0101")).statusCode())
                .isEqualTo(404);

        JsonNode found = Api.body(api.get("/api/referrals/audit?subject=" + child, ADMIN), 200);

        assertThat(found).filteredOn(entry -> entry.get("resourceId").asText().equals(id))
                .extracting(entry -> entry.get("actor").asText() + " " + entry.get("action").asText() + " "
                + entry.get("decision").asText())
                .containsSubsequence(stranger + " DENIED DENY", teacherId + " READ PERMIT", teacherId + " CREATE PERMIT");
        assertThat(found).allSatisfy(entry -> {
            assertThat(entry.get("service").asText()).isEqualTo("referral-service");
            assertThat(entry.get("subjectId").asText()).isEqualTo(child);
            assertThat(entry.toString()).doesNotContain("Alma", "Jensen");
        });
        // Other tests refer the same synthetic child, so this referral's refusals are asked for by its id too.
        JsonNode refusals = Api.body(api.get("/api/referrals/audit?subject=" + child + "&resource=" + id
                + "&decision=DENY&limit=5", ADMIN), 200);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).get("actor").asText()).isEqualTo(stranger);
        assertThat(Api.body(api.get("/api/referrals/audit?actor=" + teacherId + "&resource=" + id + "&action=READ",
                ADMIN), 200)).hasSize(1);

        assertThat(audit.about(child)).extracting(AuditRecord::actor, AuditRecord::resourceType)
                .as("each search is recorded").contains(org.assertj.core.groups.Tuple.tuple("admin-audit",
                        "audit-search"));
    }

    @Test
    void onlyAdministratorsSearchAndBadFiltersAre400() throws Exception {
        assertThat(api.get("/api/referrals/audit", TestTokens.municipalStaff("t-1", "0751")).statusCode())
                .isEqualTo(403);
        for (String bad : List.of("limit=0", "limit=501", "decision=MAYBE", "action=DELETE", "from=yesterday",
                "actor=%7B%22%24ne%22%3Anull%7D")) {
            JsonNode problem = Api.body(api.get("/api/referrals/audit?" + bad, ADMIN), 400);
            assertThat(problem.get("status").asInt()).as(bad).isEqualTo(400);
        }
    }
}
