package dk.earlyhelp.consent.consent;

import static dk.earlyhelp.consent.ConsentFixtures.AARHUS_ADMIN;
import static dk.earlyhelp.consent.ConsentFixtures.CASEWORKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.consent.ConsentFixtures;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * A consent's history for the data protection officer over HTTP on the real store: every version,
 * appended and never rewritten, with who changed what and the erasure confirmations expected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentHistoryIntegrationTests {


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
    void theAdministratorSeesEveryVersionWhoMadeItWithWhatEvidenceAndTheErasuresExpected() throws Exception {
        String child = UUID.randomUUID().toString();
        LocalDate today = Consent.dayOf(Instant.now());
        String id = ConsentFixtures.active(api, child, today, today.plusMonths(3));
        Api.body(api.post("/api/consents/" + id + "/withdraw", CASEWORKER, ""), 200);

        JsonNode history = Api.body(api.get("/api/consents/" + id + "/history", AARHUS_ADMIN), 200);

        assertThat(history.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(history.get("versions")).extracting(version -> version.get("number").asInt(),
                version -> version.get("change").asText(), version -> version.get("status").asText(),
                version -> version.get("by").asText(), version -> version.get("method").asText())
                .containsExactly(tuple(1, "CREATED", "DRAFT", "caseworker-aarhus", "null"),
                        tuple(2, "GRANTED", "ACTIVE", "caseworker-aarhus", "SIGNED_PAPER"),
                        tuple(3, "WITHDRAWN", "WITHDRAWN", "caseworker-aarhus", "null"));
        assertThat(history.at("/versions/1/grantorRole").asText()).isEqualTo("CUSTODY_HOLDER");
        assertThat(history.at("/versions/1/categories")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("CONTACT", "CONCERNS");
        assertThat(history.get("expected")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ngo-service", "measurement-service");
        assertThat(history.get("missing")).hasSize(2);
        assertThat(audit.about(child)).filteredOn(record -> record.resourceType().equals("consent-history"))
                .extracting(AuditRecord::action, AuditRecord::actor).containsExactly(tuple("READ", "dpo-aarhus"));
    }

    @Test
    void anotherMunicipalitysAdministratorGetsNotFoundAndStaffWithoutTheRoleAreForbidden() throws Exception {
        LocalDate today = Consent.dayOf(Instant.now());
        String id = ConsentFixtures.active(api, UUID.randomUUID().toString(), today, today.plusMonths(3));

        assertThat(api.get("/api/consents/" + id + "/history", TestTokens.issue("dpo-cph", Map.of("roles",
                List.of("ADMIN"), "org_type", "MUNICIPALITY", "org", "0101"))).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/consents/" + id + "/history", CASEWORKER).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/consents/" + UUID.randomUUID() + "/history", AARHUS_ADMIN).statusCode())
                .isEqualTo(404);
    }
}
