package dk.earlyhelp.consent.fhir;

import static dk.earlyhelp.consent.ConsentFixtures.CASEWORKER;
import static dk.earlyhelp.consent.ConsentFixtures.POWERKIDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.consent.ConsentFixtures;
import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.TestTokens;

/** The FHIR export over HTTP on the real store: the consent's municipality only, as FHIR JSON, each export audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirExportIntegrationTests {

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
    void staffOfTheConsentsMunicipalityExportItAsAFhirConsent() throws Exception {
        String child = UUID.randomUUID().toString();
        LocalDate today = Consent.dayOf(Instant.now());
        String id = ConsentFixtures.active(api, child, today, today.plusMonths(3));

        HttpResponse<String> exported = api.get("/api/consents/" + id + "/fhir", CASEWORKER);

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/fhir+json"));
        JsonNode resource = Contracts.parse(exported.body());
        assertThat(resource.get("resourceType").asText()).isEqualTo("Consent");
        assertThat(resource.get("id").asText()).isEqualTo(id);
        assertThat(resource.at("/meta/versionId").asText()).as("recorded, then given").isEqualTo("1");
        assertThat(resource.get("status").asText()).isEqualTo("active");
        assertThat(resource.at("/patient/identifier/value").asText()).isEqualTo(child);
        assertThat(resource.at("/organization/0/identifier/value").asText()).isEqualTo("0751");
        assertThat(resource.at("/provision/actor/0/reference/identifier/value").asText()).isEqualTo("URK_AAR");
        assertThat(resource.at("/provision/class")).extracting(coding -> coding.get("code").asText())
                .containsExactly("CONTACT", "CONCERNS");
        assertThat(audit.about(child)).filteredOn(record -> record.resourceType().equals("consent-fhir"))
                .extracting(AuditRecord::action, AuditRecord::actor).containsExactly(tuple("READ", "caseworker-aarhus"));
    }

    @Test
    void anotherMunicipalityOrAnNgoCannotExportIt() throws Exception {
        LocalDate today = Consent.dayOf(Instant.now());
        String id = ConsentFixtures.active(api, UUID.randomUUID().toString(), today, today.plusMonths(3));

        assertThat(api.get("/api/consents/" + id + "/fhir", TestTokens.municipalStaff("caseworker-cph", "0101"))
                .statusCode()).isEqualTo(404);
        assertThat(api.get("/api/consents/" + id + "/fhir", POWERKIDS).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/consents/" + id + "/fhir", null).statusCode()).isEqualTo(401);
    }
}
